"""Caches: the default cache, the anonymous page cache and a CDN in front (docs/performance.md)."""

import os

from .env import BASE_DIR, env_bool, env_list

# Cache: Redis when REDIS_URL is set, local memory otherwise. Redis through django-redis, which
# turns an unreachable server into cache misses (the site serves uncached pages, never a 500);
# portal/cache.py adds short timeouts, a pause before retrying and one log line per outage.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_RETRY_SECONDS = float(os.environ.get("CACHE_RETRY_SECONDS", "5"))
DJANGO_REDIS_IGNORE_EXCEPTIONS = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False  # portal/cache.py logs once per outage instead
if REDIS_URL:
    from portal.cache import redis_cache_settings

    CACHES = {
        "default": redis_cache_settings(
            REDIS_URL, os.environ.get("CACHE_KEY_PREFIX", "cdvc"), os.environ
        )
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.LocMemCache",  # Django's, without memcached's key checks
            "LOCATION": "cdvc-portal",
            # Per process. Django's default (300) holds few pages of a 10,000-article site;
            # 2,000 pages of ~30 KB is ~60 MB per worker.
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "2000"))},
        }
    }

# --- Page cache (owned by portal/pagecache/; see docs/performance.md) -------------------------
# Whole pages for anonymous readers, in the default cache (Redis when REDIS_URL is set).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "default"
# Shared parts of pages (menu, footer partners, list counts, facets) kept until the next purge,
# for the renders the page cache does not answer (portal/pagecache/memo.py).
FRAGMENT_CACHE_ENABLED = env_bool("FRAGMENT_CACHE", True)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))  # server side, seconds
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))  # browsers
PAGE_CACHE_S_MAXAGE = int(os.environ.get("PAGE_CACHE_S_MAXAGE", "120"))  # CDN / nginx
PAGE_CACHE_MAX_BYTES = 1024 * 1024
PAGE_CACHE_PURGE_ENABLED = True
# Apps whose every model change purges the cache (a model opts out with page_cache_purge = False).
PAGE_CACHE_PURGE_APPS = [
    "home",
    "news",
    "resolutions",
    "campaigns",
    "registry",  # the privacy notice and the targets; its personal data opts out
    "pages",
    "webforms",
    "gallery",
    "legal",
    "menus",
]
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/tai-lieu/", "/healthz"]
# Narrow purges (portal/pagecache/dependents.py): what every page change purges besides the pages
# that show it (folders and everything below them), and how many paths one change may name before
# it purges the whole site instead.
PAGE_CACHE_LISTING_PATHS = ["/sitemap.xml", "/tim-kiem/"]
PAGE_CACHE_PURGE_MAX_TAGS = 2000
# Query parameters that are part of the key (values: up to 40 of [0-9A-Za-z_.-]); any other
# parameter bypasses the cache. Tracking parameters are ignored (utm_* too).
# Defaults: pagination and the choice filters of the document library and partner directory
# (bounded value sets); free-text `q` is never cached here.
PAGE_CACHE_QUERY_PARAMS = env_list(
    "PAGE_CACHE_QUERY_PARAMS",
    "page,loai,co_quan,nam,tinh_trang,bo_suu_tap,sap_xep,linh-vuc,tinh,pham-vi",
)
PAGE_CACHE_IGNORED_QUERY_PARAMS = ["fbclid", "gclid", "zarsrc", "utm_source", "utm_medium"]
# With the local-memory cache (one per process) the generation lives in a file every process
# on the machine reads, so a purge reaches all gunicorn workers and cron jobs.
PAGE_CACHE_GENERATION_FILE = os.environ.get(
    "PAGE_CACHE_GENERATION_FILE", str(BASE_DIR / ".page-cache-generation")
)
# The web server writes which cache it purges here at start; management commands warn when theirs
# differs (portal/cache_identity.py, check portal.W001).
CACHE_IDENTITY_FILE = os.environ.get(
    "CACHE_IDENTITY_FILE", str(BASE_DIR / ".server-cache-identity")
)
# A CDN or nginx in front, purged by wagtail.contrib.frontend_cache:
# FRONTEND_CACHE_BACKEND=http (FRONTEND_CACHE_LOCATION=http://nginx-host), cloudflare
# (CLOUDFLARE_ZONEID, CLOUDFLARE_BEARER_TOKEN) or cloudfront (CLOUDFRONT_DISTRIBUTION_ID, AWS_*).
FRONTEND_CACHE_BACKEND = os.environ.get("FRONTEND_CACHE_BACKEND", "")
if FRONTEND_CACHE_BACKEND:
    from portal.pagecache.frontend import frontend_cache_settings

    WAGTAILFRONTENDCACHE = frontend_cache_settings(FRONTEND_CACHE_BACKEND, os.environ)
