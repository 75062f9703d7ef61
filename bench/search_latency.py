"""Search latency (p50, p95) over 10,000 articles, on SQLite and on PostgreSQL.

    .venv/bin/python bench/search_latency.py [--articles 10000] [--runs 30]
        [--backends sqlite,postgresql] [--timeout 1800]
        [--database-url postgres://postgres@127.0.0.1:5432/postgres]

For each database the script builds its own site: SQLite in a temporary folder, PostgreSQL in a
database `portal_bench_search` that it creates and drops (also on Ctrl-C or an error). It runs
`migrate`, `load_demo_content` and `generate_content --articles N`, then times every query
through Django's test client (the whole view: middleware, search, ranking, template; no network),
after a few warm-up requests, and prints a table. Production settings, DEBUG off. Each phase is
bounded by --timeout seconds.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from commands import manage, run_sql

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DB_NAME = "portal_bench_search"

# (label, path, parameters): typed with and without accents, upper case, a document number,
# a deep results page, a type filter and the header box's autocomplete.
QUERIES = [
    ("cong doan", "/tim-kiem/", {"q": "cong doan"}),
    ("công đoàn", "/tim-kiem/", {"q": "công đoàn"}),
    ("CÔNG ĐOÀN p.5", "/tim-kiem/", {"q": "CÔNG ĐOÀN", "page": "5"}),
    ("dai hoi xiii", "/tim-kiem/", {"q": "dai hoi xiii"}),
    ("15 trieu doan vien", "/tim-kiem/", {"q": "15 trieu doan vien"}),
    ("đào tạo", "/tim-kiem/", {"q": "đào tạo"}),
    ("02-NQ/TW", "/tim-kiem/", {"q": "02-NQ/TW"}),
    ("cong doan, articles", "/tim-kiem/", {"q": "cong doan", "loai": "news.newsarticlepage"}),
    ("no match", "/tim-kiem/", {"q": "xyzzy khong co"}),
    ("autocomplete cong do", "/tim-kiem/goi-y/", {"q": "cong do"}),
]


def log(message):
    print(f"[search-bench] {message}", file=sys.stderr, flush=True)


# --- child: runs inside the benchmark's Django environment ----------------------------------


def child(runs):
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections, connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    # Keep one connection across requests (as a server with CONN_MAX_AGE does), so the SQL of a
    # request can be counted.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    client = Client()
    report = {
        "vendor": connection.vendor,
        "pages": Page.objects.live().count(),
        "queries": [],
    }
    for label, path, params in QUERIES:
        for _ in range(3):  # warm-up: caches, connection, first compile
            response = client.get(path, params)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, params)
        sql = len(queries.captured_queries)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(path, params)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        if path.endswith("goi-y/"):
            total = len(response.json()["results"])
        else:
            found = re.search(r"(\d+) kết quả", response.content.decode())
            total = int(found.group(1)) if found else None
        report["queries"].append(
            {
                "label": label,
                "status": response.status_code,
                "results": total,
                "sql": sql,
                "p50": timings[len(timings) // 2],
                "p95": timings[min(len(timings) - 1, int(len(timings) * 0.95))],
            }
        )
    print(json.dumps(report))


# --- parent: builds the databases, runs the child per backend -------------------------------


class Run:
    def __init__(self, args, vendor):
        self.args = args
        self.vendor = vendor
        self.tmp = Path(tempfile.mkdtemp(prefix=f"cdvc-search-bench-{vendor}-"))
        self.db_created = False
        if vendor == "sqlite":
            database_url = f"sqlite:///{self.tmp / 'bench.sqlite3'}"
        else:
            server = urlsplit(args.database_url)
            self.admin_url = urlunsplit(server._replace(path="/postgres"))
            database_url = urlunsplit(server._replace(path=f"/{DB_NAME}"))
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DEBUG": "false",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(self.tmp / "media"),
            "STATIC_ROOT": str(self.tmp / "static"),
            "PAGE_CACHE_GENERATION_FILE": str(self.tmp / "page-cache-generation"),
            "CACHE_IDENTITY_FILE": str(self.tmp / "server-cache-identity"),
            "LOG_LEVEL": "ERROR",
            "PYTHONPATH": str(ROOT),
        }
        self.env.pop("ELASTICSEARCH_URL", None)

    def _admin(self, sql):
        run_sql(self.admin_url, sql)

    def setup(self):
        if self.vendor == "postgresql":
            self._admin(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
            self._admin(f"CREATE DATABASE {DB_NAME}")
            self.db_created = True
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")
        self.manage("load_demo_content")
        self.manage("generate_content", "--articles", str(self.args.articles))

    def manage(self, *command):
        seconds = manage(self.env, *command, timeout=self.args.timeout)
        log(f"{self.vendor}: manage.py {' '.join(command)} ({seconds:.0f} s)")

    def measure(self):
        result = subprocess.run(
            [PYTHON, __file__, "--child", "--runs", str(self.args.runs)],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=self.args.timeout,
        )
        if result.returncode:
            log(result.stderr[-3000:])
            raise subprocess.CalledProcessError(result.returncode, result.args)
        return json.loads(result.stdout.strip().splitlines()[-1])

    def cleanup(self):
        if self.db_created:
            try:
                self._admin(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
            except Exception as error:  # report it, keep cleaning
                log(f"could not drop {DB_NAME}: {error}")
        shutil.rmtree(self.tmp, ignore_errors=True)


def print_table(reports, articles):
    print(f"\nSearch latency, {articles} generated articles (+ demo content), ms per request")
    header = f"{'query':<24}" + "".join(
        f"{r['vendor'] + ' p50':>16}{'p95':>8}{'SQL':>5}{'hits':>7}" for r in reports
    )
    print(header)
    print("-" * len(header))
    for index, (label, _, _) in enumerate(QUERIES):
        row = f"{label:<24}"
        for report in reports:
            q = report["queries"][index]
            hits = "-" if q["results"] is None else str(q["results"])
            row += f"{q['p50']:>16.1f}{q['p95']:>8.1f}{q['sql']:>5}{hits:>7}"
        print(row)
    print("pages: " + ", ".join(f"{r['vendor']} {r['pages']}" for r in reports))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
    )
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per phase")
    args = parser.parse_args()
    if args.child:
        child(args.runs)
        return

    reports = []
    for vendor in args.backends.split(","):
        run = Run(args, vendor)
        try:
            run.setup()
            reports.append(run.measure())
        except (subprocess.SubprocessError, OSError) as error:
            log(f"{vendor}: failed: {error}")
        finally:
            run.cleanup()
    if reports:
        print_table(reports, args.articles)
        print(json.dumps(reports), file=sys.stderr)


if __name__ == "__main__":
    main()
