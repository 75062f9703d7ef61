"""The demo site built once per test run and copied into each test process's database.

Loading the demo content (`load_demo_content`, then every page visited once so that the photos'
renditions exist) costs each test process 6 to 20 s of CPU; with pytest-xdist every process
loaded it, and the browser tests' processes again. Here the first process that needs it builds
it once, in a database of its own copied from the migrated template (SQLITE_TEST_TEMPLATE on
SQLite, TEST_DB_TEMPLATE on PostgreSQL), in a child process (`python -m tests.demo_template`),
while any other process that needs it waits; each process then copies that database over its
own test database (a file copy on SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL) and the
media folder beside it (hard links). What the process's database held before is kept and put
back when the demo site is unloaded (tests/demo_site.py, DemoSite).

Used only where a migrated template exists and the run has several processes (the controller
sets DEMO_TEMPLATE_DIR, shared by its workers); otherwise DemoSite loads the demo in-process as
before. The built database and folder are removed when the run ends.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENV = "DEMO_TEMPLATE_DIR"
READY = "ready.json"
FAILED = "failed.txt"


# --- the controller: one folder per run ---------------------------------------------------


def configure(config) -> None:
    """In the controller of an xdist run (or a lone process given the folder): make the folder
    the workers share. Nothing is built until a process needs the demo site."""
    if hasattr(config, "workerinput") or os.environ.get(ENV):
        return
    if not config.getoption("numprocesses", None):
        return
    if not migrated_template():
        return
    folder = tempfile.mkdtemp(prefix="demo-template-", dir=_beside_template())
    os.environ[ENV] = folder
    config.add_cleanup(lambda: remove(folder))


def _beside_template() -> str | None:
    sqlite = os.environ.get("SQLITE_TEST_TEMPLATE")
    return str(Path(sqlite).parent) if sqlite else None


def migrated_template() -> str | None:
    """The migrated database the demo's database is copied from, for this run's engine."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return os.environ.get("SQLITE_TEST_TEMPLATE") or None
    if database["ENGINE"] == "django.db.backends.postgresql":
        return database.get("TEST", {}).get("TEMPLATE") or None
    return None


def remove(folder: str) -> None:
    ready = Path(folder) / READY
    if ready.exists():
        built = json.loads(ready.read_text())
        if built.get("postgres"):
            _postgres(f'DROP DATABASE IF EXISTS "{built["database"]}"')
    shutil.rmtree(folder, ignore_errors=True)


# --- a test process: the built demo, building it first if no one has ----------------------


_builder = None  # the child process this process started, if it did


def start() -> None:
    """Start building the demo site in the background unless a process of this run already
    has (each worker calls this once it has collected tests that use the demo site, so the
    build overlaps the tests that do not)."""
    global _builder
    folder = os.environ.get(ENV)
    if not folder or not Path(folder).is_dir():
        return
    with open(Path(folder) / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        started = Path(folder) / "started"
        if started.exists():
            return
        started.touch()
        log = open(Path(folder) / "build.log", "w")
        _builder = subprocess.Popen(
            [sys.executable, "-m", "tests.demo_template", folder], stdout=log, stderr=log
        )


def built(timeout: float = 900) -> dict | None:
    """{"database": …, "media": …, "postgres": bool} of the run's built demo site, once it is
    built (started here if no process of the run has started it), or None where there is none
    to use: no shared folder, or the build failed (the caller then loads the demo itself)."""
    folder = os.environ.get(ENV)
    if not folder or not Path(folder).is_dir():
        return None
    start()
    ready, failed = Path(folder) / READY, Path(folder) / FAILED
    deadline = time.monotonic() + timeout
    while not ready.exists() and not failed.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    if _builder is not None:
        _builder.wait()  # it has written its result; reaped here, its CPU counted with ours
    if not ready.exists():
        log = Path(folder) / "build.log"
        print(f"The shared demo site was not built:\n{log.read_text()}", file=sys.stderr)
        return None
    return json.loads(ready.read_text())


# --- copying databases --------------------------------------------------------------------


def _postgres(*statements: str) -> None:
    """Run statements on the server's maintenance database (CREATE/DROP DATABASE cannot run
    on a connection to the database they copy or drop)."""
    import psycopg2
    from django.conf import settings

    database = settings.DATABASES["default"]
    connection = psycopg2.connect(
        dbname="postgres",
        user=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
        host=database.get("HOST") or None,
        port=database.get("PORT") or None,
    )
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        connection.close()


def replace_database(source: str, *, keep_as: str | None = None) -> None:
    """Make this process's test database a copy of `source` (a file on SQLite, a database name
    on PostgreSQL); with `keep_as`, what it held is kept under that name (moved, not copied)."""
    from django.db import connection

    connection.close()
    target = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        _forget_journal(target)
        if keep_as:
            os.replace(target, keep_as)
        shutil.copyfile(source, target)
        return
    kept = [f'ALTER DATABASE "{target}" RENAME TO "{keep_as}"'] if keep_as else []
    gone = [] if keep_as else [f'DROP DATABASE "{target}"']
    _postgres(*kept, *gone, f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


def restore(kept: str) -> None:
    """Put back what replace_database kept: this process's own database."""
    from django.db import connection

    connection.close()
    target = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        _forget_journal(target)
        os.replace(kept, target)
        return
    _postgres(f'DROP DATABASE "{target}"', f'ALTER DATABASE "{kept}" RENAME TO "{target}"')


def _forget_journal(path: str) -> None:
    """A closed SQLite database's write-ahead log is folded in; what is left of it is stale."""
    for end in ("-wal", "-shm"):
        Path(f"{path}{end}").unlink(missing_ok=True)


def kept_name() -> str:
    """Where a process keeps its own database while the demo's copy stands in for it."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    return f"{name}.before-demo" if connection.vendor == "sqlite" else f"{name}_before_demo"


def link_media(source: str, target: Path) -> None:
    """The demo's media for one process: hard links where both folders are on one file system
    (a file a test deletes is its link only), copies where not."""

    def link_or_copy(source_file: str, target_file: str) -> None:
        try:
            os.link(source_file, target_file)
        except OSError:
            shutil.copy2(source_file, target_file)

    shutil.copytree(source, target, copy_function=link_or_copy, dirs_exist_ok=True)


# --- the build, in a child process ---------------------------------------------------------


def build(folder: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings

    from tests.demo_site import DemoSite

    source = migrated_template()
    if not source:
        raise SystemExit("No migrated template to build the demo site from.")
    database = settings.DATABASES["default"]
    postgres = database["ENGINE"] == "django.db.backends.postgresql"
    if postgres:
        test_name = database.get("TEST", {}).get("NAME") or f"test_{database['NAME']}"
        name = f"{test_name}_demo_{Path(folder).name.rsplit('-', 1)[-1]}".lower()
        _postgres(
            f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}" TEMPLATE "{source}"'
        )
    else:
        name = str(Path(folder) / "demo.sqlite3")
        shutil.copyfile(source, name)
    database["NAME"] = name
    connection.settings_dict["NAME"] = name
    media = Path(folder) / "media"
    with override_settings(
        MEDIA_ROOT=media, PAGE_CACHE_GENERATION_FILE=str(Path(folder) / "generation")
    ):
        with open(os.devnull, "w") as devnull:
            call_command("load_demo_content", stdout=devnull)
        DemoSite.visit_every_page()
    connection.close()
    ready = {"database": name, "media": str(media), "postgres": postgres}
    partial = Path(folder) / f"{READY}.partial"
    partial.write_text(json.dumps(ready))
    partial.rename(Path(folder) / READY)


if __name__ == "__main__":
    try:
        build(sys.argv[1])
    except BaseException:
        import traceback

        traceback.print_exc()
        (Path(sys.argv[1]) / FAILED).touch()
        raise
