"""Settings shared by every environment. Everything that differs between machines comes from
the environment; see the table in README.md."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "news",
    "resolutions",
    "campaigns",
    "campaigns.registry",
    "django_tasks_db",
    "search",
    "pages",
    "webforms",
    "gallery",
    "legal",
    "menus",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.frontend_cache",
    "portal.pagecache",
    "portal.limits",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After wagtail.admin: its ready() sets the page form every page type uses.
    "editorial",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # Outermost: HEAD keeps GET's headers and loses the body (portal/head.py).
    "portal.head.HeadWithoutBodyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # First after static files: a hit returns before sessions, CSRF, CSP or any query; a miss
    # stores the response with every inner layer's headers (docs/performance.md).
    "portal.pagecache.middleware.PageCacheMiddleware",
    "portal.middleware.RememberedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware under /admin/; Vietnamese (Content-Language: vi) everywhere else.
    "portal.middleware.PublicLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "portal.login_throttle.LoginThrottleMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.pagecache.context_processors.page_cache",
                "home.context_processors.branding",
            ],
        },
    },
]

# Database: DATABASE_URL, or an SQLite file in the project folder (the embedded default).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while the sign-up form or the admin writes. Every transaction
    # starts with BEGIN IMMEDIATE: it takes the write lock up front and waits for it (up to the
    # busy timeout), where a deferred transaction that reads and then writes (an autosave racing
    # a publish) fails at once with "database is locked", whatever the timeout (docs/admin.md).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "cdvc-portal",
            # Per process. Django's default (300) holds few pages of a 10,000-article site;
            # 2,000 pages of ~30 KB is ~60 MB per worker.
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "2000"))},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt")]

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60

# Wagtail.
WAGTAIL_SITE_NAME = "Công đoàn Viên chức Việt Nam"
# Addresses are ASCII, made from the title the Vietnamese way ("tap-huan-nghiep-vu"); see
# editorial/slugs.py for the folding Wagtail and Django do not do (đ -> d).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The login form with its password field labelled in the admin's language.
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.forms.LoginForm"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are always downloaded as attachments, never rendered inline by the browser.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# The admin's pickers write day/month/year: make every language parse it day-first (Django's
# defaults read 01/05/2024 as 5 January). See portal/formats/.
FORMAT_MODULE_PATH = ["portal.formats"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Search (owned by search/; see docs/search.md) -------------------------------------------
# A search server: Elasticsearch 9 (ELASTICSEARCH_URL) or OpenSearch 2.x/3.x (OPENSEARCH_URL),
# with the database backend behind it when it is down or slow (search/resilient.py).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "2"))
SEARCH_RETRY_SECONDS = float(os.environ.get("SEARCH_RETRY_SECONDS", "30"))
# The PostgreSQL text search configuration created by search/migrations/0001 (unaccent + simple).
SEARCH_PG_CONFIG = "vietnamese_unaccent"
# Functions `(query) -> live, public objects` whose number the query is, pinned first by the
# site search (search/engine.py); the search app itself imports no content app.
SEARCH_NUMBER_PROVIDERS = ["resolutions.numbers.search_hits"]
# Wagtail's database backend, with relevance ordering on SQLite that scales (search/backends.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    WAGTAILSEARCH_BACKENDS["default"].update(
        {"SEARCH_CONFIG": SEARCH_PG_CONFIG, "AUTOCOMPLETE_SEARCH_CONFIG": SEARCH_PG_CONFIG}
    )
if ELASTICSEARCH_URL and OPENSEARCH_URL:
    raise ImproperlyConfigured("Set ELASTICSEARCH_URL or OPENSEARCH_URL, not both.")
if ELASTICSEARCH_URL or OPENSEARCH_URL:
    from search.es_settings import server_backends

    WAGTAILSEARCH_BACKENDS = server_backends(
        "elasticsearch" if ELASTICSEARCH_URL else "opensearch",
        ELASTICSEARCH_URL or OPENSEARCH_URL,
        WAGTAILSEARCH_BACKENDS["default"],
        index_prefix=os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "cdvc_"),
        timeout=SEARCH_TIMEOUT,
    )


# --- Background tasks (django.tasks; see docs/registry.md) -----------------------------------
# django-tasks-db's database queue, worked by `manage.py db_worker` (started by `make run`; a
# systemd unit in production). Wagtail 8.0.1's own small tasks go through the django-tasks
# backport, which would read this setting too: campaigns/registry/apps.py keeps them immediate.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Seconds before a silent SMTP server fails the send (the worker's, never a request's).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

# --- Member registry (owned by campaigns/registry/) -------------------------------------------
REGISTRY_RETENTION_DAYS = int(os.environ.get("REGISTRY_RETENTION_DAYS", "730"))
# Who receives new entries: a dotted path to a forwarder class (campaigns/registry/forwarders.py).
REGISTRY_FORWARDER = os.environ.get(
    "REGISTRY_FORWARDER", "campaigns.registry.forwarders.EmailForwarder"
)
# Where the default forwarder sends entries of a province without its own address.
REGISTRY_DEFAULT_FORWARD_EMAIL = os.environ.get("REGISTRY_DEFAULT_FORWARD_EMAIL", "")
# Enqueue the hand-off when the sign-up commits (True), or leave it to the periodic sweep.
REGISTRY_FORWARD_ON_COMMIT = env_bool("REGISTRY_FORWARD_ON_COMMIT", True)
# Export files: a private folder (never under MEDIA_ROOT, no URL), files deleted after N days.
REGISTRY_EXPORT_ROOT = Path(
    os.environ.get("REGISTRY_EXPORT_ROOT", BASE_DIR / "private" / "exports")
)
REGISTRY_EXPORT_RETENTION_DAYS = int(os.environ.get("REGISTRY_EXPORT_RETENTION_DAYS", "7"))
# A failed hand-off is retried after this many seconds, doubled each time, at most N attempts.
REGISTRY_FORWARD_RETRY_DELAY = int(os.environ.get("REGISTRY_FORWARD_RETRY_DELAY", "60"))
REGISTRY_FORWARD_MAX_ATTEMPTS = int(os.environ.get("REGISTRY_FORWARD_MAX_ATTEMPTS", "8"))
# Sign-up POSTs per client address per window (0 turns the limit off). High on purpose: a
# workplace chat group sends hundreds of people through one carrier-NAT address in minutes.
REGISTRY_RATE_LIMIT = int(os.environ.get("REGISTRY_RATE_LIMIT", "300"))
REGISTRY_RATE_WINDOW = int(os.environ.get("REGISTRY_RATE_WINDOW", "600"))
# Accepted submissions per phone number per window (0: off): one number cannot be replayed.
REGISTRY_PHONE_RATE_LIMIT = int(os.environ.get("REGISTRY_PHONE_RATE_LIMIT", "5"))
REGISTRY_PHONE_RATE_WINDOW = int(os.environ.get("REGISTRY_PHONE_RATE_WINDOW", "86400"))
# The registry list counts exactly up to this many rows, and shows PostgreSQL's estimate above.
REGISTRY_EXACT_COUNT_LIMIT = int(os.environ.get("REGISTRY_EXACT_COUNT_LIMIT", "10000"))
# The request header that holds the client IP behind our own proxy (e.g. HTTP_X_REAL_IP);
# empty: REMOTE_ADDR.
REGISTRY_CLIENT_IP_HEADER = os.environ.get("REGISTRY_CLIENT_IP_HEADER", "")

# --- Abuse control (portal/limits; docs/registry.md, "Abuse control") -------------------------
# Rate-limit counters of the sign-up form and the admin login: "auto" = Redis when
# LIMITS_REDIS_URL or REDIS_URL is set, else the database (and the database while Redis is
# down); "database"; "redis"; "cache" = the Django cache LIMITS_CACHE_ALIAS (a shared one).
# Never per process: `check --deploy` refuses a per-process cache.
LIMITS_STORE = os.environ.get("LIMITS_STORE", "auto")
LIMITS_REDIS_URL = os.environ.get("LIMITS_REDIS_URL", "") or REDIS_URL
LIMITS_CACHE_ALIAS = os.environ.get("LIMITS_CACHE_ALIAS", "default")
LIMITS_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "cdvc")
# A rejected CSRF token gets a Vietnamese page that keeps the way back (and the sign-up form's
# content): portal/csrf.py.
CSRF_FAILURE_VIEW = "portal.csrf.csrf_failure"

# --- Editor-built forms (owned by webforms/; see docs/pages.md) ------------------------------
# Default days a new form keeps its submissions (each form may set its own); then
# `manage.py purge_form_submissions` (daily) erases them.
WEBFORMS_RETENTION_DAYS = int(os.environ.get("WEBFORMS_RETENTION_DAYS", "365"))
# Submissions per client address per window, over all forms (0: no limit, e.g. a load test).
WEBFORMS_RATE_LIMIT = int(os.environ.get("WEBFORMS_RATE_LIMIT", "20"))
WEBFORMS_RATE_WINDOW = int(os.environ.get("WEBFORMS_RATE_WINDOW", "600"))
# Spam control without a captcha: a form sent sooner than this after it was shown, or older
# than WEBFORMS_MAX_AGE seconds, is shown again with a message.
WEBFORMS_MIN_FILL_SECONDS = int(os.environ.get("WEBFORMS_MIN_FILL_SECONDS", "2"))
WEBFORMS_MAX_AGE = int(os.environ.get("WEBFORMS_MAX_AGE", str(24 * 60 * 60)))

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
    "pages",
    "webforms",
    "gallery",
    "legal",
    "menus",
]
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/tai-lieu/", "/django-admin/", "/healthz"]
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

# --- Security (tightened further in production.py) -------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# The public site runs with a strict policy: scripts only from our origin or with the per-request
# nonce, no inline event handlers. The Wagtail admin is not strict-CSP clean (wagtail#1288) and gets
# ADMIN_CSP from portal.middleware.SecurityHeadersMiddleware.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF, "https://www.youtube-nocookie.com", "https://www.youtube.com"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# A page previewed in the admin (the preview panel's iframe, the preview in a new tab, a
# revision or a workflow task's preview): the public policy, framed only by our own admin.
PREVIEW_CSP = {**SECURE_CSP, "frame-ancestors": [CSP.SELF]}
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", "https:"],
    "frame-src": [CSP.SELF, "https:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
# Admin login throttle (portal/login_throttle.py): failures per address + username, and per
# address, within the window (seconds). Behind a proxy, name the header carrying the client address.
LOGIN_THROTTLE_MAX_FAILURES = int(os.environ.get("LOGIN_THROTTLE_MAX_FAILURES", "5"))
LOGIN_THROTTLE_MAX_FAILURES_PER_IP = int(os.environ.get("LOGIN_THROTTLE_MAX_FAILURES_PER_IP", "30"))
LOGIN_THROTTLE_WINDOW = int(os.environ.get("LOGIN_THROTTLE_WINDOW", str(15 * 60)))
LOGIN_THROTTLE_CLIENT_IP_HEADER = os.environ.get("LOGIN_THROTTLE_CLIENT_IP_HEADER", "")
# The admin calls no third party: no Gravatar (editors' e-mail hashes), no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # The search clients log every request at INFO; failures are summarised once per
        # outage by search.resilient.
        "elastic_transport": {"level": "ERROR"},
        "opensearch": {"level": "ERROR"},
        "wagtail": {"level": "WARNING"},
    },
}


def require_secret_key(value):
    if not value:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable (a long random string)."
        )
    return value


# Public progress figures (home page, campaign goal blocks) appear only from this many sign-ups:
# below it readers see the target alone, never "0 / 1.000.000 (0,0%)". At least 1.
PUBLIC_PROGRESS_MIN = max(int(os.environ.get("PUBLIC_PROGRESS_MIN", "100")), 1)

# The public address of the site (e.g. https://congdoan.example.vn): `manage.py
# set_site_address` points the default Wagtail Site at it, so canonical links, the sitemap, feeds
# and structured data use it. In development `make run HOST=… PORT=…` sets the Site instead.
SITE_URL = os.environ.get("SITE_URL", "")
