"""`manage.py check --deploy`: the limits must be shared by every process in production."""

from django.conf import settings
from django.core.checks import Error, Tags, register

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "portal.cache.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
STORES = ("auto", "redis", "database", "cache")


@register(Tags.security, deploy=True)
def check_limits_store(app_configs=None, **kwargs):
    store = getattr(settings, "LIMITS_STORE", "auto")
    errors = []
    if store not in STORES:
        errors.append(
            Error(
                f"LIMITS_STORE is {store!r}; it must be one of {', '.join(STORES)}.",
                id="limits.E001",
            )
        )
    elif store == "redis":
        from .store import redis_url

        if not redis_url():
            errors.append(
                Error(
                    "LIMITS_STORE is 'redis' but neither LIMITS_REDIS_URL nor REDIS_URL is set.",
                    id="limits.E002",
                )
            )
    elif store == "cache":
        alias = getattr(settings, "LIMITS_CACHE_ALIAS", "default")
        backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
        if backend in PER_PROCESS_CACHES or not backend:
            errors.append(
                Error(
                    f"The sign-up and login limits would be counted per process: LIMITS_STORE is "
                    f"'cache' and the cache {alias!r} is {backend or 'missing'}.",
                    hint="Use a cache every process shares (Redis, Memcached, the database "
                    "cache), or LIMITS_STORE=auto (Redis when REDIS_URL is set, otherwise the "
                    "database).",
                    id="limits.E003",
                )
            )
    return errors
