"""WAGTAILFRONTENDCACHE from the environment (docs/performance.md, "A CDN or nginx in front"),
and the purges sent to it."""

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from django.db.models import Model

logger = logging.getLogger(__name__)

BACKENDS = {
    "http": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
    "cloudflare": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
    "cloudfront": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
}

# backend -> {setting key: (environment variable, required)}
PARAMS = {
    "http": {"LOCATION": ("FRONTEND_CACHE_LOCATION", True)},
    "cloudflare": {
        "ZONEID": ("CLOUDFLARE_ZONEID", True),
        "BEARER_TOKEN": ("CLOUDFLARE_BEARER_TOKEN", False),
        "EMAIL": ("CLOUDFLARE_EMAIL", False),
        "API_KEY": ("CLOUDFLARE_API_KEY", False),
    },
    "cloudfront": {
        "DISTRIBUTION_ID": ("CLOUDFRONT_DISTRIBUTION_ID", True),
        "AWS_ACCESS_KEY_ID": ("AWS_ACCESS_KEY_ID", False),
        "AWS_SECRET_ACCESS_KEY": ("AWS_SECRET_ACCESS_KEY", False),
    },
}


def frontend_cache_settings(backend: str, environ: Mapping[str, str]) -> dict[str, dict[str, str]]:
    name = backend.strip().lower()
    if name not in BACKENDS:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE_BACKEND={backend!r}: use one of {', '.join(sorted(BACKENDS))}."
        )
    config = {"BACKEND": BACKENDS[name]}
    for key, (variable, required) in PARAMS[name].items():
        value = environ.get(variable, "")
        if value:
            config[key] = value
        elif required:
            raise ImproperlyConfigured(f"FRONTEND_CACHE_BACKEND={name} needs {variable}.")
    if name == "cloudflare" and "BEARER_TOKEN" not in config and "API_KEY" not in config:
        raise ImproperlyConfigured(
            "FRONTEND_CACHE_BACKEND=cloudflare needs CLOUDFLARE_BEARER_TOKEN "
            "(or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY)."
        )
    return {"default": config}


def frontend_enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def frontend_purge_page(page: "Model") -> None:
    from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

    try:
        purge_page_from_cache(page)
    except Exception:
        logger.exception("Frontend cache purge failed for page %s", page.pk)


def frontend_enqueue(tags: set[str]) -> None:
    """The URLs of a narrow purge, purged from the CDN by the background worker."""
    if not tags or not frontend_enabled():
        return
    from .dependents import urls_for_tags
    from .tasks import purge_frontend_urls

    try:
        purge_frontend_urls.enqueue(urls_for_tags(tags))
    except Exception:
        logger.exception("Could not enqueue the frontend cache purge")
