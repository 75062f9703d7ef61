"""The cache generation: a token that is part of every page cache key. Purging the whole page
cache is replacing the token, so it is O(1), atomic and always correct; the old entries simply
stop being read and expire.

Where the token lives depends on the cache backend. A shared cache (Redis, Memcached, database)
keeps it under a key, so every worker and every server sees a purge at once. The local-memory cache
is private to each process: a purge made in one gunicorn worker (or by `publish_scheduled` run
from cron) would never reach the others, so with it the token lives in a small file that every
process on the machine reads (one `read()` per request, no database).

Within a request the token is read once (`for_request()`, entered by PageCacheMiddleware): the
page cache, every remembered value and every `{% cache %}` fragment of one response then agree on
one generation, and a page that reads it a dozen times costs one file read or one cache round trip.
A purge made by the request itself (an editor publishing) moves the request to the new token.

When the shared cache is unreachable (portal/cache.py) the token is None: nothing is read from or
kept in the cache, pages are rendered for every request, and nothing fails. When it answers again
the first request of each process starts a new generation, since a purge made meanwhile was lost.
"""

import logging
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache

from portal.cache import outage

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"

# The token as this request read it: a one-item dict while a request runs, else None.
_request_token: ContextVar[dict[str, str | None] | None] = ContextVar(
    "pagecache_request_token", default=None
)


def _cache() -> BaseCache:
    return caches[settings.PAGE_CACHE_ALIAS]


def _process_local(cache: BaseCache) -> bool:
    return isinstance(cache, LocMemCache | DummyCache)


def _file() -> Path:
    return Path(settings.PAGE_CACHE_GENERATION_FILE)


def current() -> str | None:
    """The current generation token (a short string); None when it cannot be read."""
    held = _request_token.get()
    if held is None:
        return _read()
    if "token" not in held:
        held["token"] = _read()
    return held["token"]


@contextmanager
def for_request() -> Iterator[None]:
    """Read the token at most once until the block ends (one request)."""
    reset = _request_token.set({})
    try:
        yield
    finally:
        _request_token.reset(reset)


def _read() -> str | None:
    cache = _cache()
    if _process_local(cache):
        try:
            return _file().read_text().strip() or "0"
        except FileNotFoundError:
            return "0"
        except OSError:
            # Unreadable: serve nothing from the cache rather than something stale.
            logger.exception("Page cache generation file unreadable; cache bypassed")
            return None
    if outage.take_recovered():
        # Back after an outage: purges made while it was away never reached the cache.
        return bump()
    token = cache.get(GENERATION_KEY)
    if token is None:
        if outage.down:
            return None
        # First use, or the key was evicted: a new random token can never collide with the keys
        # of an older generation (a counter restarting at 1 could).
        cache.add(GENERATION_KEY, secrets.token_hex(6), timeout=None)
        token = cache.get(GENERATION_KEY)
    return token


def bump() -> str:
    """Start a new generation: every page cached so far is no longer served."""
    token = secrets.token_hex(6)
    held = _request_token.get()
    if held is not None:
        held["token"] = token
    cache = _cache()
    if _process_local(cache):
        path = _file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.{token}.tmp")
            tmp.write_text(token)
            os.replace(tmp, path)  # atomic: readers see the old or the new token, never half
        except OSError:
            logger.exception("Could not write the page cache generation file %s", path)
        return token
    cache.set(GENERATION_KEY, token, timeout=None)
    return token
