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
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 60,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
