"""Which cache the web server purges, so that a periodic job run with another one is noticed.

A purge (publishing, `publish_scheduled`, `purge_page_cache`) reaches the pages the server keeps
only if it is made in the server's cache: the same Redis database and key prefix, or, with the
local-memory cache, the same generation file (portal/pagecache/generation.py). A cron line that
forgets the server's environment (`manage.py` alone picks the development settings and their
local-memory cache) runs "successfully" and purges nothing the server serves.

gunicorn records the server's cache identity when a worker starts (gunicorn.conf.py) in
CACHE_IDENTITY_FILE;
every management command that runs Django's system checks compares its own with it and prints a
warning (portal.W001) when they differ. The file holds no secret (passwords are removed from the
URL) and is rewritten at every start.
"""

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.checks import Warning, register

logger = logging.getLogger(__name__)


def _without_password(location):
    parts = urlsplit(str(location))
    if not parts.scheme or "@" not in parts.netloc:
        return str(location)
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def current():
    """A short, secret-free description of the page cache this process purges."""
    config = settings.CACHES[settings.PAGE_CACHE_ALIAS]
    backend = config["BACKEND"].rsplit(".", 1)[-1]
    if backend in ("LocMemCache", "DummyCache"):  # Django's or portal.cache's: per process
        where = f"generation file {Path(settings.PAGE_CACHE_GENERATION_FILE).resolve()}"
    else:
        locations = config.get("LOCATION", "")
        if isinstance(locations, list | tuple):
            locations = ",".join(_without_password(x) for x in locations)
        where = f"{_without_password(locations)} prefix {config.get('KEY_PREFIX', '')!r}"
    return f"{backend} at {where} (settings {settings.SETTINGS_MODULE})"


def _file():
    value = getattr(settings, "CACHE_IDENTITY_FILE", "")
    return Path(value) if value else None


def record():
    """Called by the web server at start: write this process's cache identity."""
    path = _file()
    if path is None:
        return
    data = {
        "cache": current(),
        "pid": os.getpid(),
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data))
        os.replace(tmp, path)
    except OSError:
        logger.warning("Could not record the server's cache identity in %s", path)


def recorded():
    path = _file()
    if path is None:
        return None
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


@register()
def same_cache_as_the_server(app_configs, **kwargs):
    server = recorded()
    if not server or server.get("cache") == current():
        return []
    return [
        Warning(
            "This command purges another cache than the web server's: its purges (publishing, "
            "scheduled pages, purge_page_cache) will not reach the pages the server keeps.",
            hint=(
                f"Server (pid {server.get('pid')}, started {server.get('started')}): "
                f"{server.get('cache')}. This command: {current()}. Run periodic jobs with the "
                "server's environment file (deploy/systemd/portal-job@.service)."
            ),
            id="portal.W001",
        )
    ]
