import runpy
import secrets

import pytest

# The settings that make production production, as far as HTTP security goes.
PRODUCTION_SECURITY_SETTINGS = [
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "SECURE_CSP",
    "ADMIN_CSP",
    "PERMISSIONS_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
]


def production_settings_module(monkeypatch):
    """The values portal/settings/production.py computes from a production-like environment."""
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(64))
    monkeypatch.setenv("ALLOWED_HOSTS", "congdoan.example.vn")
    monkeypatch.delenv("DEBUG", raising=False)
    monkeypatch.delenv("SECURE_SSL_REDIRECT", raising=False)
    monkeypatch.delenv("SECURE_HSTS_SECONDS", raising=False)
    monkeypatch.delenv("SECURE_HSTS_PRELOAD", raising=False)
    return runpy.run_module("portal.settings.production")


@pytest.fixture
def production(settings, monkeypatch):
    """Apply production's HTTP security settings to the test settings."""
    values = production_settings_module(monkeypatch)
    for name in PRODUCTION_SECURITY_SETTINGS:
        setattr(settings, name, values[name])
    return values
