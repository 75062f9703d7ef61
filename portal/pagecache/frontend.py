"""WAGTAILFRONTENDCACHE from the environment (docs/performance.md, "A CDN or nginx in front")."""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

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
