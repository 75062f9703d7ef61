"""The test databases (loaded as a plugin by tests/conftest.py): each process's SQLite database a
copy of a migrated template, PostgreSQL's flush by DELETE, and the root page and default site
that a transactional test's flush takes away."""

import os
from pathlib import Path

import pytest
from wagtail.models import Page, Site

from home.models import HomePage


def flush_by_delete_on_postgresql():
    """A transactional test's database is emptied with DELETE instead of TRUNCATE on PostgreSQL
    (Django's flush after each `django_db(transaction=True)` test). TRUNCATE gives each of the
    111 tables and their indexes new files, written to disk at commit: 0.6 s of the server's
    time idle, 2.4 to 3.6 s on a busy machine, for tables that hold a few rows after a test;
    DELETE of the same rows took 0.4 s there. Every foreign key of the schema is deferrable (as
    Django makes them): checked at commit, when every table is empty. The tables end the same;
    this test process only."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if not tables or reset_sequences or allow_cascade:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        deletes = [f"{style.SQL_KEYWORD('DELETE FROM')} {self.quote_name(t)};" for t in tables]
        return ["SET CONSTRAINTS ALL DEFERRED;", *deletes]

    DatabaseOperations.sql_flush = sql_flush


# SQLite: each test process's database is a copy of one migrated file (SQLITE_TEST_TEMPLATE, made
# by .ci/run beside the checks) instead of migrated anew by every process, as TEST_DB_TEMPLATE
# does on PostgreSQL (portal/settings/test.py). The copies are made beside the template (CI keeps
# it in memory, in /dev/shm) and deleted at the end.
SQLITE_TEST_TEMPLATE = os.environ.get("SQLITE_TEST_TEMPLATE")


def _sqlite_template_in_use():
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    return bool(SQLITE_TEST_TEMPLATE) and engine == "django.db.backends.sqlite3"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """Point this process's SQLite test database at its own copy of the migrated template."""
    if not _sqlite_template_in_use():
        return
    import shutil
    from functools import partial

    from django.conf import settings

    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    copy = Path(SQLITE_TEST_TEMPLATE).with_name(f"test-{os.getpid()}-{worker}.sqlite3")
    shutil.copyfile(SQLITE_TEST_TEMPLATE, copy)
    for end in ("", "-wal", "-shm"):
        request.addfinalizer(partial(Path(f"{copy}{end}").unlink, missing_ok=True))
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = str(copy)


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    """The template's copy is kept as it is (only migrations it lacks are applied), not made
    anew; the finalizer above deletes it."""
    return bool(request.config.getvalue("reuse_db")) or _sqlite_template_in_use()


def ensure_root_site():
    """Recreate the root page, default site and locale that transactional tests flush."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale

    # A flush recreates the content types under new ids; this process's cache still holds the
    # old ones (a page built with them fails validation: "content type id 1 is not valid").
    ContentType.objects.clear_cache()
    Locale.objects.get_or_create(language_code="vi")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root")
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Trang chủ", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home
