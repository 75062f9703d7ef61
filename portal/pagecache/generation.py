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

Narrower purges (one article published) do not replace the token: they give a new **version**
to the URL paths and subtrees that show the change (`bump_tags()`, tags from dependents.py). A
page's cache key includes the versions of its own path and of every folder above it
(`tags_for_path()`), read with the token in the same round trip (`page_token()`), so every other
page stays cached. Remembered values and `{% cache %}` fragments are not tagged: they follow a
second token that every purge, narrow or whole, replaces (`current()` returns both), so they are
computed again after any change. Where the versions live:
- shared cache: one key per tag, kept a minute longer than a page (PAGE_CACHE_TIMEOUT), so a
  version that expired can only fall back to "0" once every page stored under "0" has expired;
- local memory: a purge log next to the generation file, one line per narrow purge (its tags),
  that each process reads from where it stopped when its size changes (one stat per request).
  The log is per generation and removed at the next whole purge.

When the shared cache is unreachable (portal/cache.py) the token is None: nothing is read from or
kept in the cache, pages are rendered for every request, and nothing fails. When it answers again
the first request of each process starts a new generation, since a purge made meanwhile was lost.
"""

import hashlib
import json
import logging
import os
import secrets
import threading
import unicodedata
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
# Replaced by every narrow purge: remembered values and fragments follow it with the generation.
FRAGMENTS_KEY = "pagecache:fragments"
# Folders above a path whose version is part of its key (deeper folders share the last one).
TREE_DEPTH = 6
# A purge log longer than this (bytes) turns the next narrow purge into a whole purge.
LOG_LIMIT = 2 * 1024 * 1024

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


# --- tags ---------------------------------------------------------------------------------------


def normalise_path(path: str) -> str:
    """A URL path as requests see it: percent-decoded, NFC (routes fold NFD slugs to NFC)."""
    from urllib.parse import unquote

    return unicodedata.normalize("NFC", unquote(path))


def path_tag(path: str) -> str:
    """The tag of one path (every query string of it: all pages of a listing)."""
    return "p:" + normalise_path(path)


def tree_tag(path: str) -> str:
    """The tag of a folder and everything below it (`/tin-tuc/chuyen-muc/x/`: page and feeds)."""
    path = normalise_path(path)
    return "t:" + (path if path.endswith("/") else path + "/")


def tags_for_path(path: str) -> list[str]:
    """The tags whose versions are part of the cache key of `path`."""
    path = normalise_path(path)
    tags = ["p:" + path]
    prefix = "/"
    for component in [c for c in path.split("/") if c][:TREE_DEPTH]:
        prefix += component + "/"
        tags.append("t:" + prefix)
    return tags


def _version_key(tag: str) -> str:
    return "pagecache:v:" + hashlib.sha1(tag.encode(), usedforsecurity=False).hexdigest()[:24]


# --- reading ------------------------------------------------------------------------------------


class _Log:
    """This process's reading of the local purge log: the versions of the tags it names."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.path: str | None = None
        self.offset = 0
        self.versions: dict[str, int] = {}

    def follow(self, generation: str) -> int | None:
        """Read what was appended since the last call; the log's size (0: no narrow purge),
        None when it cannot be read."""
        # A plain string, as _log_file() names it: pathlib's objects cost more than the stat.
        path = f"{settings.PAGE_CACHE_GENERATION_FILE}.{generation}.log"
        with self.lock:
            if path != self.path:
                self.path, self.offset, self.versions = path, 0, {}
            try:
                size = os.stat(path).st_size
                if size <= self.offset:
                    return self.offset
                with open(path, "rb") as log:
                    log.seek(self.offset)
                    chunk = log.read(size - self.offset)
            except FileNotFoundError:
                return self.offset
            except OSError:
                logger.exception("Page cache purge log unreadable; cache bypassed")
                return None
            complete = chunk.rfind(b"\n") + 1  # a line being written is read next time
            for line in chunk[:complete].splitlines():
                try:
                    tags = json.loads(line)
                except ValueError:
                    continue
                for tag in tags:
                    self.versions[tag] = self.versions.get(tag, 0) + 1
            self.offset += complete
            return self.offset

    def version(self, tag: str) -> str:
        return str(self.versions.get(tag, 0))


_log = _Log()


def _log_file(generation: str) -> Path:
    return Path(f"{settings.PAGE_CACHE_GENERATION_FILE}.{generation}.log")


def _read_file() -> str:
    """The generation in the file ("0" before the first purge). Read with `open()`, once per
    request: Path.read_text() cost three times as much as the read itself."""
    try:
        with open(settings.PAGE_CACHE_GENERATION_FILE, "rb") as handle:
            return handle.read().decode().strip() or "0"
    except FileNotFoundError:
        return "0"


def _token(site: str, fragments: object) -> str:
    return f"{site}.{fragments}" if fragments else site


def current() -> str | None:
    """The token of remembered values and fragments (a short string), replaced by every purge;
    None when it cannot be read."""
    held = _request_token.get()
    if held is None:
        return _read()[0]
    if "token" not in held:
        held["token"] = _read()[0]
    return held["token"]


def page_token(path: str) -> str | None:
    """What a cached copy of `path` is stored under: the generation and the versions of the
    path's tags, read in one round trip with current()'s token (then kept for the request)."""
    token, site, versions = _read(tags_for_path(path))
    held = _request_token.get()
    if held is not None:
        held["token"] = token
    if token is None or site is None:
        return None
    return f"{site}:{'.'.join(versions)}"


@contextmanager
def for_request() -> Iterator[None]:
    """Read the token at most once until the block ends (one request)."""
    reset = _request_token.set({})
    try:
        yield
    finally:
        _request_token.reset(reset)


def _read(tags: list[str] | None = None) -> tuple[str | None, str | None, list[str]]:
    """(token of remembered values, generation, versions of `tags`)."""
    tags = tags or []
    cache = _cache()
    if _process_local(cache):
        try:
            site = _read_file()
        except OSError:
            # Unreadable: serve nothing from the cache rather than something stale.
            logger.exception("Page cache generation file unreadable; cache bypassed")
            return None, None, []
        size = _log.follow(site)
        if size is None:
            return None, None, []
        return _token(site, size), site, [_log.version(tag) for tag in tags]
    if outage.take_recovered():
        # Back after an outage: purges made while it was away never reached the cache.
        fresh = bump()
        return fresh, fresh, ["0"] * len(tags)
    keys = [_version_key(tag) for tag in tags]
    found = cache.get_many([GENERATION_KEY, FRAGMENTS_KEY, *keys])
    shared = found.get(GENERATION_KEY)
    if shared is None:
        if outage.down:
            return None, None, []
        # First use, or the key was evicted: a new random token can never collide with the keys
        # of an older generation (a counter restarting at 1 could).
        cache.add(GENERATION_KEY, secrets.token_hex(6), timeout=None)
        shared = cache.get(GENERATION_KEY)
        if shared is None:
            return None, None, []
    versions = [str(found.get(key, "0")) for key in keys]
    return _token(str(shared), found.get(FRAGMENTS_KEY)), str(shared), versions


# --- purging ------------------------------------------------------------------------------------


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
        for old in path.parent.glob(f"{path.name}.*.log"):
            if old != _log_file(token):
                old.unlink(missing_ok=True)
        return token
    cache.set(GENERATION_KEY, token, timeout=None)
    return token


def bump_tags(tags: set[str] | list[str]) -> None:
    """A narrow purge: pages under these tags (and every remembered value) are stale."""
    held = _request_token.get()
    if held is not None:
        held.pop("token", None)  # read again: this request follows its own purge
    if not tags:
        return
    cache = _cache()
    if not _process_local(cache):
        timeout = settings.PAGE_CACHE_TIMEOUT + 60
        versions = {_version_key(tag): secrets.token_hex(4) for tag in tags}
        cache.set_many(versions, timeout=timeout)
        cache.set(FRAGMENTS_KEY, secrets.token_hex(6), timeout=None)
        return
    try:
        site = _file().read_text().strip() or "0"
    except FileNotFoundError:
        site = "0"
    except OSError:
        bump()
        return
    path = _log_file(site)
    line = json.dumps(sorted(tags), ensure_ascii=False).encode() + b"\n"
    try:
        if path.exists() and path.stat().st_size + len(line) > LOG_LIMIT:
            bump()
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        # One write with O_APPEND: concurrent purges from several processes never interleave.
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)
    except OSError:
        logger.exception("Could not write the page cache purge log %s", path)
        bump()
