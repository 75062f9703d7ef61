"""The embedded SQLite default takes the write lock at the start of each transaction (WAL, busy
timeout, BEGIN IMMEDIATE), so a read-then-write transaction waits instead of failing."""

import json
import subprocess
import sys

from django.conf import settings


def embedded_database_settings():
    code = (
        "import json, os; os.environ.pop('DATABASE_URL', None);"
        "from portal.settings import base; print(json.dumps(base.DATABASES['default']['OPTIONS']))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    return json.loads(out.stdout)


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
