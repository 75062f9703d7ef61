"""The database: DATABASE_URL, or an SQLite file in the project folder (the embedded default)."""

import os

import dj_database_url

from .env import BASE_DIR

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while the sign-up form or the admin writes. Every transaction
    # starts with BEGIN IMMEDIATE: it takes the write lock up front and waits for it (up to the
    # busy timeout), where a deferred transaction that reads and then writes (an autosave racing
    # a publish) fails at once with "database is locked", whatever the timeout (docs/admin.md).
    # The busy timeout is not a queue: SQLite retries a busy lock with a growing sleep (1 ms up to
    # 100 ms), so the writer that has waited longest retries least often and loses each release
    # to newer writers; during a burst of saves it can wait for the whole burst. 20 s failed a
    # publish with a 500 when 40 admin saves took 27 s on a loaded machine (load 21). 60 s covers
    # such a burst and equals nginx's proxy_read_timeout (deploy/): a longer wait serves no one.
    # The connection is kept like PostgreSQL's (DB_CONN_MAX_AGE): opening the file, setting the
    # pragmas and reading the schema again cost every request about 1.5 ms of CPU.
    # The database file is read through a memory map (up to 256 MB), not copied into each
    # connection's page cache (2 MB by default): at 10,000 articles a cold search's pages no
    # longer fit that cache, and re-reading them cost 2.2 ms of system CPU per request (0.1 ms
    # at 100 articles; 0.2 ms mapped). The map shares the operating system's file cache between
    # the workers; writes and the write-ahead log are unchanged.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 60,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456;"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
