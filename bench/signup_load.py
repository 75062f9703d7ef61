"""Sign-up load test: never lose a person, never count one twice.

Creates a fresh PostgreSQL database, migrates it, loads the demo (which creates the sign-up page
`/dang-ky-doan-vien/`), runs `collectstatic` into a temporary folder and starts gunicorn (production
settings, DEBUG off) on 127.0.0.1 with the per-client rate limit off (`REGISTRY_RATE_LIMIT=0`:
every client here comes from 127.0.0.1). Then concurrent clients (threads with `http.client`):

1. each fetches the form page (CSRF cookie and token, the signed timestamp) once per submission;
2. after the 2-second time trap has passed, all POST at once: DISTINCT distinct phone numbers
   plus REPEATS repeat submissions of some of them, in other spellings (`0912 345 678`,
   `+84…`, `84-…`), in random order.

Then it checks the database: one entry per distinct number, one logged submission per accepted
POST. It prints sign-ups per second and the counts of lost, doubled and failed submissions (all must
be 0), stops gunicorn and drops the database. Exit status 1 when any count is not 0.

    .venv/bin/python bench/signup_load.py [--distinct 400] [--repeats 200] [--clients 16]
        [--workers 4] [--database-url postgres://postgres@127.0.0.1:5432/postgres]
"""

import argparse
import os
import random
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from server import free_port
from signup_client import (
    SignupClient,
    log,
    manage,
    sql,
    start_signup_server,
    submit_all,
)

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DB_NAME = f"cdvc_signup_bench_{os.getpid()}"
TIME_LIMIT = 600  # seconds for the whole run


def spellings(national9):
    """The same mobile number the ways people type it."""
    d = national9
    return [
        f"0{d}",
        f"0{d[:3]} {d[3:6]} {d[6:]}",
        f"+84{d}",
        f"84-{d[:3]}-{d[3:6]}-{d[6:]}",
    ]


class SignupBench:
    def __init__(self, args):
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="cdvc-signup-bench-"))
        parts = urllib.parse.urlsplit(args.database_url)
        self.admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
        self.database_url = urllib.parse.urlunsplit(parts._replace(path=f"/{DB_NAME}"))
        if parts.hostname not in ("127.0.0.1", "localhost"):
            raise SystemExit("The bench only talks to a PostgreSQL server on 127.0.0.1.")
        self.server = None
        self.db_created = False
        self.port = free_port()
        self.client = SignupClient(self.port, name="Người Thử Nghiệm", workplace="Đơn vị thử tải")
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DEBUG": "false",
            "DATABASE_URL": self.database_url,
            "STATIC_ROOT": str(self.tmp / "static"),
            "MEDIA_ROOT": str(self.tmp / "media"),
            "PAGE_CACHE_GENERATION_FILE": str(self.tmp / "page-cache-generation"),
            "CACHE_IDENTITY_FILE": str(self.tmp / "server-cache-identity"),
            "REGISTRY_RATE_LIMIT": "0",
            # Hand-off after commit, as in production, to a mail backend that sends nothing.
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "REGISTRY_DEFAULT_FORWARD_EMAIL": "tiepnhan@example.invalid",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }

    # --- database and server ---------------------------------------------------------------
    def create_database(self):
        sql(self.admin_url, f"CREATE DATABASE {DB_NAME}")
        self.db_created = True

    def drop_database(self):
        if self.db_created:
            try:
                sql(self.admin_url, f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
                self.db_created = False
            except Exception as error:
                log(f"could not drop {DB_NAME}: {error}")

    def manage(self, *args):
        manage(self.env, *args, timeout=300)

    def start_server(self):
        self.server = start_signup_server(self.env, self.client, self.args.workers)

    def stop_server(self):
        if self.server:
            self.server.stop()
        self.server = None

    # --- the run ---------------------------------------------------------------------------
    def plan(self):
        """(phone as typed, national number) for every POST: distinct numbers plus repeats."""
        import phonenumbers

        rng = random.Random(20240728)
        numbers = []
        while len(numbers) < self.args.distinct:
            candidate = f"{rng.choice('35789')}{rng.randrange(10**8):08d}"
            parsed = phonenumbers.parse("0" + candidate, "VN")
            if phonenumbers.is_valid_number(parsed) and candidate not in numbers:
                numbers.append(candidate)
        posts = [(spellings(d)[0], d) for d in numbers]
        repeated = numbers[: max(1, self.args.distinct // 4)]
        for i in range(self.args.repeats):
            d = repeated[i % len(repeated)]
            posts.append((spellings(d)[1 + i % 3], d))
        rng.shuffle(posts)
        return posts

    def run(self):
        self.create_database()
        self.manage("migrate", "--noinput")
        self.manage("load_demo_content")
        self.manage("collectstatic", "--noinput")
        self.start_server()
        posts = self.plan()
        log(
            f"{len(posts)} submissions ({self.args.distinct} distinct numbers), "
            f"{self.args.clients} clients, {self.args.workers} gunicorn workers"
        )

        with ThreadPoolExecutor(self.args.clients) as pool:
            forms = list(pool.map(self.client.fetch_form, range(len(posts))))
        time.sleep(2.2)  # the time trap: a form sent within 2 seconds is refused

        accepted, outcomes, elapsed = submit_all(
            self.client, forms, [phone for phone, _ in posts], self.args.clients
        )
        if set(outcomes) != {"ok"}:
            log(f"answers: {dict(outcomes)}")
        self.report(posts, accepted, elapsed)
        return self.exit_code

    def report(self, posts, accepted, elapsed):
        rows = sql(
            self.database_url,
            "SELECT s.phone, COUNT(DISTINCT s.id), COUNT(sub.id) "
            "FROM campaigns_membersignup s "
            "LEFT JOIN campaigns_signupsubmission sub ON sub.signup_id = s.id "
            "GROUP BY s.phone",
            fetch=True,
        )
        entries = {phone: (n_entries, n_subs) for phone, n_entries, n_subs in rows}
        expected_subs = Counter("+84" + d for (_, d), ok in zip(posts, accepted, strict=True) if ok)
        failed = accepted.count(False)
        lost = 0
        doubled = 0
        for phone, count in expected_subs.items():
            n_entries, n_subs = entries.get(phone, (0, 0))
            if n_entries == 0:
                lost += count
            else:
                lost += max(0, count - n_subs)
                doubled += max(0, n_subs - count)
        distinct_expected = len({d for _, d in posts})
        extra_entries = sum(1 for phone in entries if phone not in expected_subs)
        total_entries = sum(n for n, _ in entries.values())
        doubled += max(0, total_entries - len(expected_subs)) + extra_entries
        # The hand-offs are background tasks (no worker runs here): count what was enqueued.
        forwarded = sql(
            self.database_url,
            "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult "
            "WHERE task_path = 'campaigns.registry.tasks.forward_signup'",
            fetch=True,
        )[0][0]
        rate = len(posts) / elapsed if elapsed else 0.0
        print(f"submissions posted     {len(posts)} ({distinct_expected} distinct numbers)")
        print(f"entries in registry    {total_entries}")
        print(f"submissions logged     {sum(n for _, n in entries.values())}")
        print(f"hand-offs enqueued     {forwarded}")
        print(f"elapsed (POST phase)   {elapsed:.2f} s")
        print(f"sign-ups per second    {rate:.1f}")
        print(f"lost                   {lost}")
        print(f"doubled                {doubled}")
        print(f"failed                 {failed}")
        self.exit_code = 0 if (lost, doubled, failed) == (0, 0, 0) else 1

    def cleanup(self):
        self.stop_server()
        self.drop_database()
        subprocess.run(["rm", "-rf", str(self.tmp)], check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distinct", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
    )
    args = parser.parse_args()
    bench = SignupBench(args)

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGALRM, interrupted)
    signal.alarm(TIME_LIMIT)
    code = 1
    try:
        code = bench.run()
    except KeyboardInterrupt:
        log("stopped (time limit or signal)")
    finally:
        signal.alarm(0)
        bench.cleanup()
    sys.exit(code)


if __name__ == "__main__":
    main()
