"""The shared cache (Redis) may go away; the site must not (docs/operations.md).

The cache backend is django-redis with `IGNORE_EXCEPTIONS`: a read that cannot reach Redis is a
miss, a write is dropped, so every page is rendered uncached instead of answering 500. Two things
django-redis does not do are done here, in the connection class its pool uses:

* **Fail fast.** A Redis that is down (refused) or frozen (accepts, never answers) would cost
  every cache call its timeout, a dozen times per page. After the first failure this process stops
  talking to Redis for `CACHE_RETRY_SECONDS` (default 5); calls fail at once (a miss). One call
  after that delay tries again: a success closes the gap, a failure waits again.
* **One log line per outage**, not one per call: a WARNING when this process first finds Redis
  unreachable and another when it answers again (with how long it was away). django-redis's own
  per-call logging stays off (`DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False`).

When Redis answers again, the page cache starts a new generation (generation.py): a purge made
while Redis was away (an editor publishing) was lost, and pages kept from before the outage must
not be served again. The state is per process (each gunicorn worker logs its own line).
"""

from django.core.cache.backends import locmem
from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from portal.outage import Outage

_FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)


outage = Outage(
    "portal.cache",
    "CACHE_RETRY_SECONDS",
    5,
    "Cache server unreachable (%s: %s); pages are served uncached, next try in %g s",
    "Cache server answers again after %.1f s; caching resumed",
)


def check():
    """Raise at once while this process waits before trying Redis again."""
    if outage.skip_server():
        raise RedisConnectionError("cache unavailable (waiting before the next try)")
    # Past the pause (or up): this call tries again (a failure starts another pause).


class GuardedConnection(Connection):
    """redis-py's connection, failing fast while the server is known to be unreachable."""

    def connect(self):
        check()
        try:
            super().connect()
        except _FAILURES as error:
            outage.failed(error)
            raise

    def send_packed_command(self, command, check_health=True):
        check()
        try:
            super().send_packed_command(command, check_health=check_health)
        except _FAILURES as error:
            outage.failed(error)
            raise

    def read_response(self, *args, **kwargs):
        try:
            response = super().read_response(*args, **kwargs)
        except _FAILURES as error:
            outage.failed(error)
            raise
        outage.succeeded()
        return response


def redis_cache_settings(url, key_prefix, environ):
    """The CACHES["default"] entry for REDIS_URL (portal/settings/caches.py)."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            # Seconds. A healthy Redis on the LAN answers in well under a millisecond.
            "SOCKET_CONNECT_TIMEOUT": float(environ.get("REDIS_CONNECT_TIMEOUT", "0.3")),
            "SOCKET_TIMEOUT": float(environ.get("REDIS_TIMEOUT", "0.5")),
            "CONNECTION_POOL_KWARGS": {"connection_class": GuardedConnection},
        },
    }


class LocMemCache(locmem.LocMemCache):
    """Django's local-memory cache (the cache without REDIS_URL) without its check that each key
    would suit memcached: it scans every key for spaces and control characters on every call,
    ~2.5% of the instructions of an article read again (seven cache reads). The site's keys are
    its own (hashes, ids, slugs) and memcached is never used; Redis's backend has no such check."""

    def validate_key(self, key):
        pass
