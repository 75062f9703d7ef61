"""The test suite: fast hashing, local-memory cache, plain static storage, e-mail in memory."""

import os

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
CACHE_IDENTITY_FILE = ""  # a server started from this checkout must not warn the tests' commands
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
# Several suites may share one PostgreSQL server (e.g. parallel checkouts): TEST_DB_NAME picks the
# test database's name.
if os.environ.get("TEST_DB_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DB_NAME"]}
# PostgreSQL: the test databases are copied from this migrated database (CREATE DATABASE ...
# TEMPLATE, a second) instead of migrated one by one (half a minute of CPU each); CI sets it.
if os.environ.get("TEST_DB_TEMPLATE"):
    DATABASES["default"].setdefault("TEST", {})["TEMPLATE"] = os.environ["TEST_DB_TEMPLATE"]
# The anonymous page cache (portal/pagecache) is off unless a test turns it on
# (tests/performance do); PAGE_CACHE=1 runs the whole suite with it.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "") in {"1", "true", "yes", "on"}
# The limits count in the test database (tests of the Redis store set LIMITS_STORE themselves).
LIMITS_STORE = os.environ.get("LIMITS_STORE", "database")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Progress figures from the first sign-up (tests/reader checks the threshold itself).
PUBLIC_PROGRESS_MIN = 1
