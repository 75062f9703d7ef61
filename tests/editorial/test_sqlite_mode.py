"""The embedded SQLite default takes the write lock at the start of each transaction (WAL, busy
timeout, BEGIN IMMEDIATE), so a read-then-write transaction waits instead of failing."""

import json

from tests.processes import run_python


def embedded_database_settings():
    code = (
        "import json, os; os.environ.pop('DATABASE_URL', None);"
        "from portal.settings import base; print(json.dumps(base.DATABASES['default']['OPTIONS']))"
    )
    return json.loads(run_python(code, {"PATH": "/usr/bin:/bin"}, check=True).stdout)


def test_the_embedded_sqlite_default_uses_immediate_transactions_and_wal():
    options = embedded_database_settings()
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
    assert options["timeout"] >= 20


def test_the_embedded_sqlite_default_reads_the_file_through_a_memory_map():
    """A connection's own page cache (2 MB) no longer holds a search's pages at 10,000 articles:
    they were copied in again on every request (docs/performance.md)."""
    options = embedded_database_settings()
    assert "mmap_size=268435456" in options["init_command"]
