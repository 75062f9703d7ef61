"""Where the counters live: Redis when one is configured, the database otherwise, and the
database again while Redis does not answer. Never in a process's memory: every gunicorn worker,
every server and every cron job sees the same counts (docs/registry.md, "Abuse control")."""

import logging
import random
import time

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)

# After Redis failed, this process uses the database for this long before trying Redis again
# (a down Redis costs one short timeout per process and interval, not one per request).
REDIS_RETRY_SECONDS = 30
REDIS_TIMEOUT_SECONDS = 0.25
SWEEP_PROBABILITY = 1 / 200

_REDIS_HIT = """
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n
"""


class DatabaseStore:
    """A table of fixed-window counters, each event one atomic upsert (`INSERT … ON CONFLICT DO
    UPDATE … RETURNING`, PostgreSQL and SQLite ≥ 3.35)."""

    name = "database"

    @property
    def table(self):
        from .models import Counter

        return connection.ops.quote_name(Counter._meta.db_table)

    def hit(self, key, window):
        now = time.time()
        table = self.table
        sql = (
            # The table name is the model's; every value is a parameter.
            f'INSERT INTO {table} ("key", "hits", "expires") VALUES (%s, 1, %s) '  # noqa: S608
            f'ON CONFLICT ("key") DO UPDATE SET '
            f'"hits" = CASE WHEN {table}."expires" <= %s THEN 1 ELSE {table}."hits" + 1 END, '
            f'"expires" = CASE WHEN {table}."expires" <= %s THEN excluded."expires" '
            f'ELSE {table}."expires" END '
            f'RETURNING "hits"'
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [key, now + window, now, now])
            hits = cursor.fetchone()[0]
        if random.random() < SWEEP_PROBABILITY:  # noqa: S311 - not security-relevant
            self.sweep(now)
        return hits

    def count(self, key):
        from .models import Counter

        row = (
            Counter.objects.filter(key=key, expires__gt=time.time())
            .values_list("hits", flat=True)
            .first()
        )
        return row or 0

    def reset(self, key):
        from .models import Counter

        Counter.objects.filter(key=key).delete()

    def sweep(self, now=None):
        """Delete expired counters and used tokens (their forms have expired too)."""
        from .models import Counter, UsedToken

        now = now or time.time()
        Counter.objects.filter(expires__lt=now).delete()
        UsedToken.objects.filter(expires__lt=now).delete()


class RedisStore:
    """INCR + EXPIRE in one Lua call: atomic, the window starts with the first event."""

    name = "redis"

    def __init__(self, url, prefix):
        import redis

        self.client = redis.Redis.from_url(
            url,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            retry_on_timeout=False,
        )
        self.prefix = f"{prefix}:limits:" if prefix else "limits:"
        self._hit = self.client.register_script(_REDIS_HIT)

    def hit(self, key, window):
        return int(self._hit(keys=[self.prefix + key], args=[int(window)]))

    def count(self, key):
        value = self.client.get(self.prefix + key)
        return int(value) if value is not None else 0

    def reset(self, key):
        self.client.delete(self.prefix + key)


class CacheStore:
    """A Django cache shared by every process (Memcached, Redis, the database cache): add() then
    incr(). For deployments whose shared store is a cache other than Redis (LIMITS_STORE=cache);
    the system check refuses a per-process cache (local memory, dummy) in production."""

    name = "cache"

    def __init__(self, alias):
        from django.core.cache import caches

        self.alias = alias
        self.cache = caches[alias]

    def hit(self, key, window):
        key = "limits:" + key
        self.cache.add(key, 0, window)
        try:
            value = self.cache.incr(key)
        except ValueError:  # expired between add() and incr()
            self.cache.set(key, 1, window)
            value = 1
        if value is None:  # a cache that ignores its errors
            raise ConnectionError("cache did not answer")
        return int(value)

    def count(self, key):
        return int(self.cache.get("limits:" + key) or 0)

    def reset(self, key):
        self.cache.delete("limits:" + key)


class FailSafeStore:
    """Redis (or the shared cache) first; the database while it fails (and for
    REDIS_RETRY_SECONDS after)."""

    def __init__(self, primary, fallback):
        self.primary = primary
        self.fallback = fallback
        self.down_until = 0.0

    @property
    def name(self):
        return f"{self.primary.name}+{self.fallback.name}"

    def _call(self, method, *args):
        if time.monotonic() >= self.down_until:
            try:
                return getattr(self.primary, method)(*args)
            except Exception as error:  # any Redis failure: count in the database instead
                self.down_until = time.monotonic() + REDIS_RETRY_SECONDS
                logger.warning(
                    "Limits: Redis unavailable (%s); counting in the database for %s s",
                    type(error).__name__,
                    REDIS_RETRY_SECONDS,
                )
        return getattr(self.fallback, method)(*args)

    def hit(self, key, window):
        return self._call("hit", key, window)

    def count(self, key):
        return self._call("count", key)

    def reset(self, key):
        # Both: a count may have been kept in either while Redis came and went.
        self._call("reset", key)
        self.fallback.reset(key)


def redis_url():
    return getattr(settings, "LIMITS_REDIS_URL", None) or getattr(settings, "REDIS_URL", "")


_stores = {}


def get_store():
    """The store for the current settings (one per process and configuration)."""
    url = redis_url()
    prefix = getattr(settings, "LIMITS_KEY_PREFIX", "")
    store_name = getattr(settings, "LIMITS_STORE", "auto")
    config = (store_name, url, prefix)
    store = _stores.get(config)
    if store is None:
        if store_name == "cache":
            alias = getattr(settings, "LIMITS_CACHE_ALIAS", "default")
            store = FailSafeStore(CacheStore(alias), DatabaseStore())
        elif store_name == "database" or not url:
            store = DatabaseStore()
        else:
            store = FailSafeStore(RedisStore(url, prefix), DatabaseStore())
        _stores[config] = store
    return store
