"""The sign-up limits hold across two real gunicorn workers (issue 16): gunicorn with 2 sync
workers on the test database, no REDIS_URL, so the limits count in the database. 200 different
people behind one carrier-NAT address are all stored; the address's limit refuses exactly the
requests past it (not twice as many, as per-worker counting did); one phone number sent from
many addresses with fresh forms is stored at most REGISTRY_PHONE_RATE_LIMIT times. Both workers
answer the POSTs (gunicorn's access log names the worker).

No timing assertions: every wait polls for a condition with generous time limits."""

import os
import sqlite3
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection

from campaigns.registry.models import MemberSignup, SignupSubmission
from tests.public_pages import input_value

from .registry_helpers import form_data, make_notice, make_signup_page, token

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from server import free_port  # noqa: E402 - bench/ on the path first
from signup_client import SignupClient  # noqa: E402

GUNICORN = str(Path(sys.executable).parent / "gunicorn")
PORTS = range(8100, 8200)  # this suite's own range on shared machines
NAT_ADDRESS = "100.64.12.34"
ADDRESS_LIMIT = 210  # per address per window, for this server
PHONE_LIMIT = 5  # stored submissions per number per day
PEOPLE = 200
CLIENTS = 8


def shared_database_url(tmp_path):
    """The test database, as another process opens it: PostgreSQL's test database by name (a
    transactional test commits its rows), or a file copy of SQLite's in-memory test database."""
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        user = settings_dict["USER"] or "postgres"
        password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
        host = settings_dict["HOST"] or "127.0.0.1"
        port = settings_dict["PORT"] or 5432
        return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}", None
    path = tmp_path / "workers.sqlite3"
    with connection.cursor() as cursor:
        cursor.execute("VACUUM INTO %s", [str(path)])
    return f"sqlite:///{path}", path


class Server:
    """gunicorn, 2 sync workers, on the shared database; its access log names each worker."""

    def __init__(self, database_url, tmp_path):
        self.port = free_port(PORTS)
        self.client = SignupClient(self.port)  # the benchmarks' HTTP client of the form
        self.log = tmp_path / "access.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": database_url,
            "PYTHONPATH": str(ROOT),
            "LIMITS_STORE": "database",
            "REGISTRY_RATE_LIMIT": str(ADDRESS_LIMIT),
            "REGISTRY_RATE_WINDOW": "600",
            "REGISTRY_PHONE_RATE_LIMIT": str(PHONE_LIMIT),
            "REGISTRY_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
        }
        for name in ("REDIS_URL", "LIMITS_REDIS_URL", "TEST_DB_NAME"):
            env.pop(name, None)
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "portal.wsgi",
                "--workers",
                "2",
                "--worker-class",
                "sync",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "300",
                "--access-logfile",
                str(self.log),
                "--access-logformat",
                "%(p)s %(m)s %(s)s",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )

    def wait(self, path, limit=120):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "gunicorn exited"
            try:
                if self.request("GET", path)[0] == 200:
                    return
            except OSError:
                time.sleep(0.3)
        pytest.fail("gunicorn did not answer within two minutes")

    def request(self, method, path, body=None, headers=None):
        return self.client.request(method, path, body=body, headers=headers)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)
                self.process.wait()

    def workers_that_answered(self, method):
        deadline = time.monotonic() + 30  # the access log is written after each response
        pids = set()
        while time.monotonic() < deadline:
            lines = self.log.read_text().splitlines() if self.log.exists() else []
            pids = {line.split()[0] for line in lines if line.split()[1:2] == [method]}
            if len(pids) >= 2:
                break
            time.sleep(0.2)
        return pids


@pytest.mark.django_db(transaction=True)
def test_limits_hold_across_two_gunicorn_workers(tmp_path):
    from tests.databases import ensure_root_site

    make_notice()
    page = make_signup_page(ensure_root_site())
    database_url, sqlite_path = shared_database_url(tmp_path)
    server = Server(database_url, tmp_path)
    try:
        server.wait(page.url)
        _, headers, body = server.request("GET", page.url)
        cookie = next(
            value.split(";")[0]
            for name, value in headers
            if name.lower() == "set-cookie" and value.startswith("csrftoken=")
        )
        csrf = input_value(body.decode(), "csrfmiddlewaretoken")

        def post(data, address):
            # Each submission carries its own fresh single-use form token.
            fields = {**data, "csrfmiddlewaretoken": csrf, "started": token()}
            status, _, _ = server.request(
                "POST",
                page.url,
                body=urllib.parse.urlencode(fields),
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": cookie,
                    "X-Forwarded-For": address,
                },
            )
            return status

        def person(n):
            return form_data(full_name=f"Người Thứ {chr(0x41 + n % 26)}", phone=f"0912{n:06d}")

        with ThreadPoolExecutor(CLIENTS) as pool:
            # 200 different people behind one address: every one stored.
            people = list(pool.map(lambda n: post(person(n), NAT_ADDRESS), range(PEOPLE)))
            # Past the address's limit: exactly the requests beyond it are refused.
            more = list(
                pool.map(lambda n: post(person(n), NAT_ADDRESS), range(PEOPLE, ADDRESS_LIMIT + 5))
            )
            # One number from many addresses, each with a fresh form.
            same = form_data(full_name="Trần Văn Bình", phone="0987 654 321")
            repeats = list(
                pool.map(lambda n: post(same, f"198.51.100.{n}"), range(PHONE_LIMIT + 3))
            )
        workers = server.workers_that_answered("POST")
    finally:
        server.stop()

    assert people == [303] * PEOPLE
    assert sorted(more) == [303] * (ADDRESS_LIMIT - PEOPLE) + [429] * 5
    assert sorted(repeats) == [303] * PHONE_LIMIT + [429] * 3
    assert len(workers) == 2, "both workers answered sign-ups"

    expected_entries = ADDRESS_LIMIT + 1
    expected_submissions = ADDRESS_LIMIT + PHONE_LIMIT
    if sqlite_path is None:
        assert MemberSignup.objects.count() == expected_entries
        assert SignupSubmission.objects.count() == expected_submissions
    else:
        with sqlite3.connect(sqlite_path) as db:
            entries = db.execute("SELECT COUNT(*) FROM campaigns_membersignup").fetchone()[0]
            submissions = db.execute("SELECT COUNT(*) FROM campaigns_signupsubmission").fetchone()
        assert entries == expected_entries
        assert submissions[0] == expected_submissions
