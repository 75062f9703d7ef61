"""portal.limits: counts shared by every process (two real OS processes here), kept while Redis
is down, never holding an identity; single-use tokens; the deploy check."""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction

from portal import limits
from portal.limits import store
from portal.limits.models import Counter, UsedToken

ROOT = Path(__file__).resolve().parents[2]
HITS_PER_PROCESS = 25

# Each child process: Django on the shared database, waits for the common start time, then
# counts HITS events through portal.limits, the admin login throttle and the sign-up limit
# (the same functions the requests call), and prints what it saw.
CHILD = """
import json, os, sys, time
import django
django.setup()
from django.test import RequestFactory
from portal import limits, login_throttle
start, hits = float(sys.argv[1]), int(sys.argv[2])
while time.time() < start:
    time.sleep(0.005)
seen = [limits.hit("two-processes", "one client", window=600) for _ in range(hits)]
request = RequestFactory().post("/admin/login/", REMOTE_ADDR="203.0.113.50")
for _ in range(3):
    login_throttle.record_failure(request, "bientap")
print(json.dumps(seen))
"""


def child_env(database_url):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url,
        "PYTHONPATH": str(ROOT),
        "LIMITS_STORE": "database",
    }
    env.pop("TEST_DB_NAME", None)
    return env


@pytest.fixture
def shared_database(tmp_path):
    """A database both child processes open, with the limits tables migrated into it: a
    PostgreSQL database of its own next to the test database (the test database's rows would
    not be visible to other processes inside the test's transaction), a file on SQLite."""
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        import psycopg2

        name = f"{settings_dict['NAME']}_limits"[:63]
        user = settings_dict["USER"] or "postgres"
        password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
        server = f"postgres://{user}{password}@{settings_dict['HOST'] or '127.0.0.1'}:"
        server += str(settings_dict["PORT"] or 5432)

        def admin(sql):
            conn = psycopg2.connect(f"{server}/postgres")
            conn.autocommit = True
            try:
                conn.cursor().execute(sql)
            finally:
                conn.close()

        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin(f'CREATE DATABASE "{name}"')
        url = f"{server}/{name}"
    else:
        admin = None
        url = f"sqlite:///{tmp_path / 'limits.sqlite3'}"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "limits", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=child_env(url),
        check=True,
        timeout=120,
    )
    yield url
    if admin is not None:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


CHECKER = """
import json
import django
django.setup()
from django.test import RequestFactory
from portal import login_throttle
request = RequestFactory().post("/admin/login/", REMOTE_ADDR="203.0.113.50")
print(json.dumps([login_throttle.is_throttled(request, name) for name in ("bientap", "khac")]))
"""


def run_two_processes(database_url):
    start = time.time() + 3  # both are up (Django imported) before either counts
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(start), str(HITS_PER_PROCESS)],
            cwd=ROOT,
            env=child_env(database_url),
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    seen = []
    for child in children:
        out, _ = child.communicate(timeout=120)
        assert child.returncode == 0
        seen.append(json.loads(out.strip().splitlines()[-1]))
    return seen


def test_two_processes_count_in_one_store(shared_database):
    first, second = run_two_processes(shared_database)
    # Every event got its own number: no count was lost to a race, none counted twice, and
    # neither process counted only its own.
    assert sorted(first + second) == list(range(1, 2 * HITS_PER_PROCESS + 1))
    assert max(first) > HITS_PER_PROCESS or max(second) > HITS_PER_PROCESS
    # The six failed logins of the two processes together lock the account (limit 5) for any
    # worker that serves the next attempt; another account is not locked.
    checked = subprocess.run(
        [sys.executable, "-c", CHECKER],
        cwd=ROOT,
        env=child_env(shared_database),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(checked.stdout.strip().splitlines()[-1]) == [True, False]


@pytest.mark.django_db
def test_a_window_opens_with_the_first_event_and_expires():
    assert [limits.hit("window", "x", window=60) for _ in range(3)] == [1, 2, 3]
    assert limits.count("window", "x") == 3
    assert limits.count("window", "other") == 0
    Counter.objects.update(expires=time.time() - 1)
    assert limits.count("window", "x") == 0
    assert limits.hit("window", "x", window=60) == 1
    limits.reset("window", "x")
    assert limits.count("window", "x") == 0


@pytest.mark.django_db
def test_keys_hold_no_identity():
    limits.hit("signup-phone", "+84912345678", window=60)
    limits.hit("signup-ip", "203.0.113.7", window=60)
    for key in Counter.objects.values_list("key", flat=True):
        assert "912345678" not in key and "203.0.113" not in key


@pytest.mark.django_db
def test_redis_down_counts_in_the_database(settings, caplog):
    """Nothing listens on this port: every hit still counts, in the shared database, and a
    sign-up or login is never refused or answered with an error because Redis is down."""
    settings.LIMITS_STORE = "auto"
    settings.LIMITS_REDIS_URL = "redis://127.0.0.1:17199/0"
    store._stores.clear()
    try:
        assert [limits.hit("redis-down", "x", window=60) for _ in range(3)] == [1, 2, 3]
        assert limits.count("redis-down", "x") == 3
        assert Counter.objects.count() == 1
        assert "Redis unavailable" in caplog.text
    finally:
        store._stores.clear()


@pytest.fixture
def redis_url(settings):
    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip(f"no Redis answers at {url}")
    settings.LIMITS_STORE = "redis"
    settings.LIMITS_REDIS_URL = url
    settings.LIMITS_KEY_PREFIX = f"test-limits-{os.getpid()}-{time.monotonic_ns()}"
    store._stores.clear()
    yield url
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(f"{settings.LIMITS_KEY_PREFIX}:*"):
        client.delete(key)
    store._stores.clear()


@pytest.mark.django_db
def test_redis_store_counts_and_expires(redis_url, settings):
    import redis

    assert [limits.hit("redis", "x", window=60) for _ in range(3)] == [1, 2, 3]
    assert limits.count("redis", "x") == 3
    assert Counter.objects.count() == 0  # counted in Redis, not in the database
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(f"{settings.LIMITS_KEY_PREFIX}:*"))
    assert len(keys) == 1
    assert 0 < client.ttl(keys[0]) <= 60
    limits.reset("redis", "x")
    assert limits.count("redis", "x") == 0


# --- single-use tokens -------------------------------------------------------------------------
@pytest.mark.db_independent
def test_token_ages_and_tampering(monkeypatch):
    token = limits.issue_token("form")
    with pytest.raises(limits.TokenError) as error:
        limits.check_token(token, "form", max_age=60, min_age=2)
    assert error.value.code == "too_fast"
    with pytest.raises(limits.TokenError) as error:
        limits.check_token(token, "other-form", max_age=60)
    assert error.value.code == "bad"
    with pytest.raises(limits.TokenError) as error:
        limits.check_token(token[:-2] + "xx", "form", max_age=60)
    assert error.value.code == "bad"
    later = time.time() + 120
    monkeypatch.setattr(time, "time", lambda: later)
    with pytest.raises(limits.TokenError) as error:
        limits.check_token(token, "form", max_age=60)
    assert error.value.code == "expired"


@pytest.mark.django_db
def test_a_token_is_used_once():
    token = limits.check_token(limits.issue_token("form"), "form", max_age=60)
    same = limits.fingerprint("a", "b")
    assert limits.use_token(token, same) is limits.TokenUse.FIRST
    assert limits.use_token(token, same) is limits.TokenUse.SAME
    assert limits.use_token(token, limits.fingerprint("a", "c")) is limits.TokenUse.OTHER
    assert UsedToken.objects.count() == 1


@pytest.mark.django_db
def test_a_rolled_back_use_leaves_the_token_unused():
    token = limits.check_token(limits.issue_token("form"), "form", max_age=60)
    with pytest.raises(RuntimeError), transaction.atomic():
        assert limits.use_token(token) is limits.TokenUse.FIRST
        raise RuntimeError("storing what was sent failed")
    assert limits.use_token(token) is limits.TokenUse.FIRST


def use_while_another_holds_it(token, *, first_commits):
    """Request A spends the token and holds its transaction open while request B, on its own
    connection, spends the same token; A then commits (or rolls back). B's answer."""
    a_used, b_started = threading.Event(), threading.Event()
    answers = {}

    def request_a():
        try:
            with transaction.atomic():
                answers["a"] = limits.use_token(token, "same content")
                a_used.set()
                b_started.wait(timeout=30)
                time.sleep(0.5)  # B's INSERT is waiting on A's row by now
                if not first_commits:
                    raise RuntimeError("storing what A sent failed")
        except RuntimeError:
            pass
        finally:
            a_used.set()
            connections.close_all()

    def request_b():
        try:
            a_used.wait(timeout=30)
            b_started.set()
            with transaction.atomic():
                answers["b"] = limits.use_token(token, "same content")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=request_a), threading.Thread(target=request_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert answers["a"] is limits.TokenUse.FIRST
    return answers["b"]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two connections writing at once: PostgreSQL (SQLite's test database is one lock)",
)
@pytest.mark.django_db(transaction=True)
def test_a_token_spent_by_two_requests_at_once_stores_once():
    token = limits.check_token(limits.issue_token("form"), "form", max_age=60)
    assert use_while_another_holds_it(token, first_commits=True) is limits.TokenUse.SAME
    other = limits.check_token(limits.issue_token("form"), "form", max_age=60)
    # The first request failed to store what it was sent: the token is the second's to spend.
    assert use_while_another_holds_it(other, first_commits=False) is limits.TokenUse.FIRST
    assert set(UsedToken.objects.values_list("nonce", flat=True)) == {token.nonce, other.nonce}


# --- the deploy check --------------------------------------------------------------------------
def deploy_errors():
    from portal.limits.checks import check_limits_store

    return [error.id for error in check_limits_store()]


@pytest.mark.db_independent
def test_deploy_check_refuses_per_process_limits(settings):
    settings.LIMITS_STORE = "cache"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert deploy_errors() == ["limits.E003"]
    settings.LIMITS_STORE = "redis"
    settings.LIMITS_REDIS_URL = ""
    settings.REDIS_URL = ""
    assert deploy_errors() == ["limits.E002"]
    settings.LIMITS_STORE = "auto"
    assert deploy_errors() == []


@pytest.mark.db_independent
def test_check_deploy_command_fails_with_a_per_process_store(settings):
    from django.core.management.base import SystemCheckError

    settings.LIMITS_STORE = "cache"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with pytest.raises(SystemCheckError, match=r"limits\.E003"):
        call_command("check", "--deploy", "--tag", "security", "--fail-level", "ERROR")
