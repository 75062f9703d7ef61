"""Settings shared by every environment. Everything that differs between machines comes from
the environment; see the table in README.md. Each concern has its own module in this folder:
env (how the environment is read), database, caches (with the page cache), search, tasks (and
mail), forms (the registry's and editor-built forms' limits), security (headers, CSP, login
throttle, abuse limits) and i18n (language, time zone, formats)."""

import os
from pathlib import Path

from .caches import *  # noqa: F403
from .database import *  # noqa: F403
from .env import BASE_DIR, env_bool, env_list
from .forms import *  # noqa: F403
from .i18n import *  # noqa: F403
from .search import *  # noqa: F403
from .security import *  # noqa: F403
from .tasks import *  # noqa: F403

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
    # A request's saves of one object update its search and reference index once, after the view.
    "portal.wagtail_tasks.CoalescedTasksMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware under /admin/; Vietnamese (Content-Language: vi) everywhere else.
    "portal.middleware.PublicLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Django's, each policy written once per process (only the nonce changes).
    "portal.middleware.ContentSecurityPolicyMiddleware",
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
        "OPTIONS": {
            # Django's cached loader (its default) over the project's and the apps' templates;
            # the subclass keeps each template's block list (portal/template_loader.py).
            "loaders": [
                (
                    "portal.template_loader.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
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
# Seconds each process keeps a staff member's admin sidebar (editorial/sidebar.py); 0: off.
ADMIN_SIDEBAR_SECONDS = float(os.environ.get("ADMIN_SIDEBAR_SECONDS", "60"))
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are always downloaded as attachments, never rendered inline by the browser.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

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


# The public address of the site (e.g. https://congdoan.example.vn): `manage.py
# set_site_address` points the default Wagtail Site at it, so canonical links, the sitemap, feeds
# and structured data use it. In development `make run HOST=… PORT=…` sets the Site instead.
SITE_URL = os.environ.get("SITE_URL", "")
