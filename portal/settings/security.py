"""Security headers, the Content-Security-Policy, the admin login throttle and the abuse limits
(tightened further in production.py)."""

import os

from django.utils.csp import CSP

from .caches import REDIS_URL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

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
