"""What the benchmarks run besides the server: SQL outside any transaction on a PostgreSQL
server (CREATE/DROP DATABASE, VACUUM), and the project's management commands, timed."""

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def run_sql(url, sql, fetch=False):
    """Run one statement on the database at `url`, in autocommit (CREATE DATABASE cannot run in
    a transaction); its rows when `fetch`."""
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall() if fetch else None
    finally:
        connection.close()


def manage(env, *args, timeout=None):
    """Run `manage.py *args` with `env`, output discarded; return the seconds it took."""
    started = time.monotonic()
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=timeout,
    )
    return time.monotonic() - started
