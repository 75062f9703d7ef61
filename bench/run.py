"""`make bench`: load-test the portal at two content sizes, with and without the page cache.

Creates its own PostgreSQL databases on 127.0.0.1:5432 (user postgres): portal_bench_s, where it
migrates, loads the demo content and generates size S (100 articles), and portal_bench_l, a copy
of it grown to size L (10,000 articles, 1,000 documents); collects static files. Then, three
times (cold, uncached, cached), it serves each size with its own gunicorn (production settings,
DEBUG off, 2 workers) on 127.0.0.1:<free port> and drives each page type with wrk (16
connections), the two sizes taking turns every 2 s (S L L S S L L S) so that the machine's drift
weighs on both alike. The cold mode (2 connections) counts the server's CPU per request: the
sizes take turns every second (S L L S S L L S at 4 s per size), each segment's CPU (the
workers' and their PostgreSQL server processes', in nanoseconds from /proc/<pid>/schedstat)
divided by the requests it answered; a size's figure is the median of its segments', and its
ratio to S the median of the ratios of segments of the same round (side by side). Then it
publishes one article into a warm page cache at S and counts what stays cached
(bench/purge_ratio.py, rolled back). Prints a table and the target ratios, then drops the
databases and removes its temporary folder, also on Ctrl-C or an error.

Options: --duration SECONDS per URL and size (default 8; half in the cold mode and with one
client), --connections N (16), --sizes S,L, --keep, --setup-only, --database-url postgres://...
(the server; the database names are the bench's own), --db-prefix NAME (portal_bench; several
people benching on one PostgreSQL), and for a narrower run: --modes cold,uncached,cached,
--pages campaign,static (the static file is needed for the cached/static ratio), --port N (the
sizes' servers on N, N+1, ... instead of free ports).
"""

import argparse
import itertools
import json
import os
import re
import secrets
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from commands import manage, run_sql
from server import Gunicorn

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DB_PREFIX = "portal_bench"
WARM_UP_REQUESTS = 20  # per server and URL, before measuring: both workers warm
SEGMENT_SECONDS = 2  # the sizes take turns this long (Bench.measure)
# In the cold mode they take turns every second (wrk's shortest run), twice as often: a page's
# figure at a size is the median of its segments' CPU per request, so a burst of other work on
# the machine during one segment moves it little (`combine`), and its ratio to S the median of
# the ratios of segments side by side (`paired_ratio`).
COLD_SEGMENT_SECONDS = 1
# Articles and documents in all (the demo content's own included); each size is the one before
# it, grown. D is the demo content alone; XL is costly to build (~100,000 articles): ask for it.
SIZES = {
    "D": {"articles": 0, "documents": 0},
    # 100 documents: the library's first page full (20 cards, as at L), not the demo's 6.
    "S": {"articles": 100, "documents": 100},
    "L": {"articles": 10_000, "documents": 1_000},
    "XL": {"articles": 100_000, "documents": 1_000},
}
PAGE_ORDER = [
    "home",
    "news index",
    "article",
    "category",
    "tag",
    "month",
    "library",
    "document",
    "campaign",
    "search",
    "static",
]
# (mode, page cache, fragment cache): "cold" renders everything for every request; "uncached"
# is the page cache off with the shared fragments (menu, counts, facets: portal/pagecache/memo.py)
# remembered between purges, which is how a page is rendered after a purge in production.
MODES = [("cold", False, False), ("uncached", False, True), ("cached", True, True)]
SINGLE_CLIENT = ["article", "search"]
TARGETS = {
    "cached_vs_static": 0.5,
    "l_vs_s": 0.9,
    "article_p50_ms": 25.0,
    "search_p50_ms": 100.0,
}
# Cold mode (issue 20): server CPU per request, from the workers' /proc times. At the demo size
# (D), at most these milliseconds (half the Wagtail demo's equivalent page on this machine);
# at L at most COLD_GROWTH["L"] times the page's own figure at S, and at XL (PostgreSQL) the news
# index and search at most COLD_GROWTH["XL"] times.
COLD_CPU_MS = {"article": 19.0, "news index": 30.0, "home": 40.0, "search": 44.0}
COLD_GROWTH = {"L": 1.2, "XL": 1.5}
COLD_XL_PAGES = ["news index", "search"]
# The cold mode drives as many connections as there are workers: no request waits in the
# listen queue, so none is cut off when a segment ends and the server's CPU divided by the
# requests it logged is the cost of one request.
WORKERS = 2


def log(message):
    print(f"[bench] {message}", flush=True)


class Bench:
    def __init__(self, args):
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="cdvc-bench-"))
        self.servers = {}  # size -> Gunicorn
        self.created = []  # databases to drop
        self.server_url = urlsplit(args.database_url)
        self.admin_url = urlunsplit(self.server_url._replace(path="/postgres"))
        self.base_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DEBUG": "false",
            "STATIC_ROOT": str(self.tmp / "static"),
            # With --reuse, the images the kept databases refer to (--media-root of that run).
            "MEDIA_ROOT": args.media_root or str(self.tmp / "media"),
            "SERVE_MEDIA": "true",
            "REGISTRY_RATE_LIMIT": "0",
            # On PostgreSQL the server processes of the workers' connections are counted with the
            # workers (database_pids, read after each page's warm-up). Production reconnects after
            # 60 s (DB_CONN_MAX_AGE); here a connection lives for the whole run, or a reconnect in
            # the middle of a page's measurement would drop its server process from the count.
            "DB_CONN_MAX_AGE": "86400",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
        self.results = {}  # (size, mode, page) -> dict
        self.urls = None  # chosen at the first size, measured at every size
        self.probes = {}  # size -> probe report
        self.purges = {}  # size -> bench/purge_ratio.py figures
        self.turns = 0  # URLs measured so far (Bench.measure)
        self.segments = {}  # (size, mode, page) -> wrk runs so far

    # --- databases: one per size, all kept until the end ----------------------------------

    def database_name(self, size):
        return f"{self.args.db_prefix}_{size.lower()}"

    def sqlite_path(self, size):
        return Path(self.args.sqlite) / f"{self.database_name(size)}.sqlite3"

    def database_url(self, size):
        if self.args.sqlite:
            return f"sqlite:///{self.sqlite_path(size)}"
        return urlunsplit(self.server_url._replace(path=f"/{self.database_name(size)}"))

    def exists(self, size):
        """For --reuse: the size's database is there (kept by an earlier --keep run)."""
        if self.args.sqlite:
            return self.sqlite_path(size).exists()
        import psycopg2

        conn = psycopg2.connect(self.admin_url)
        try:
            with conn.cursor() as cursor:
                cursor.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [self.database_name(size)]
                )
                return cursor.fetchone() is not None
        finally:
            conn.close()

    def env(self, size):
        """Each size has its own database and page cache generation: both servers run at once."""
        return {
            **self.base_env,
            "DATABASE_URL": self.database_url(size),
            "PAGE_CACHE_GENERATION_FILE": str(self.tmp / f"page-cache-generation-{size}"),
            "CACHE_IDENTITY_FILE": str(self.tmp / f"server-cache-identity-{size}"),
        }

    def _admin(self, sql):
        run_sql(self.admin_url, sql)

    def create_database(self, size, template=None):
        """An empty database, or a copy of `template`'s (PostgreSQL copies the files: seconds)."""
        if self.args.sqlite:
            path = self.sqlite_path(size)
            path.parent.mkdir(parents=True, exist_ok=True)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            if template:
                source = sqlite3.connect(self.sqlite_path(template))
                with sqlite3.connect(path) as target:
                    source.backup(target)  # a consistent copy, write-ahead log included
                source.close()
            self.created.append(path)
            return
        name = self.database_name(size)
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        copy = f" TEMPLATE {self.database_name(template)}" if template else ""
        self._admin(f"CREATE DATABASE {name}{copy}")
        self.created.append(name)

    def settle(self, size):
        """After a bulk import, as an operator would: VACUUM ANALYZE, so the planner knows the
        new rows and autovacuum does not start on them in the middle of a measurement."""
        started = time.monotonic()
        if self.args.sqlite:
            with sqlite3.connect(self.sqlite_path(size)) as conn:
                conn.execute("ANALYZE")
            log(f"{size}: ANALYZE ({time.monotonic() - started:.0f} s)")
            return
        run_sql(self.database_url(size), "VACUUM ANALYZE")
        # Every query's CPU in the connection's own server process, which is counted: parallel
        # workers of a large scan would be other processes, not counted.
        self._admin(
            f"ALTER DATABASE {self.database_name(size)} SET max_parallel_workers_per_gather = 0"
        )
        log(f"{size}: VACUUM ANALYZE ({time.monotonic() - started:.0f} s)")

    def drop_databases(self):
        for name in reversed(self.created):
            if isinstance(name, Path):
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{name}{suffix}").unlink(missing_ok=True)
                continue
            try:
                self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            except Exception as error:
                log(f"could not drop {name}: {error}")
        self.created = []

    # --- Django commands ------------------------------------------------------------------

    def manage(self, size, *args):
        seconds = manage(self.env(size), *args)
        log(f"{size}: manage.py {' '.join(args)} ({seconds:.0f} s)")

    def probe(self, size):
        env = self.env(size)
        if self.urls:  # the same pages at every size
            env["BENCH_URLS"] = json.dumps(self.urls)
        output = subprocess.run(
            [PYTHON, str(ROOT / "bench" / "probe.py")],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        report = json.loads(output.strip().splitlines()[-1])
        self.urls = self.urls or report["urls"]
        self.probes[size] = report
        log(f"{size}: {report['counts']}")

    def build(self):
        """The first size from scratch; each next size as a copy of the one before, grown.
        With --reuse, a size whose database is there (kept by an earlier --keep run) is only
        migrated (a new column is filled by its migration) and probed."""
        sizes = self.args.sizes
        first = sizes[0]
        self.manage(first, "collectstatic", "--noinput")
        if self.args.reuse and self.exists(first):
            self.manage(first, "migrate", "--noinput")
            self.manage(first, "purge_page_cache")
        else:
            self.create_database(first)
            self.manage(first, "migrate", "--noinput")
            self.manage(first, "load_demo_content")
            if any(SIZES[first].values()):
                self.probe(first)  # the demo's own articles and documents count towards the size
                self.grow(first, self.probes[first]["counts"])
        self.settle(first)
        self.probe(first)
        for previous, size in itertools.pairwise(sizes):
            if self.args.reuse and self.exists(size):
                self.manage(size, "migrate", "--noinput")
                self.manage(size, "purge_page_cache")
                self.settle(size)
                self.probe(size)
                continue
            self.create_database(size, template=previous)
            if self.grow(size, self.probes[previous]["counts"]):
                self.settle(size)
            self.probe(size)

    def grow(self, size, have):
        """Generate the articles and documents `size` lacks beyond `have`; True if it did."""
        args = []
        for kind in ("articles", "documents"):
            missing = SIZES[size][kind] - have.get(kind, 0)
            if missing > 0:
                args += [f"--{kind}", str(missing)]
        if args:
            self.manage(size, "generate_content", *args, "--seed", "99")
        return bool(args)

    # --- gunicorn: one per size, started together -----------------------------------------

    def start_servers(self, page_cache, fragment_cache=True):
        for number, size in enumerate(self.args.sizes):
            env = {
                **self.env(size),
                "PAGE_CACHE": "1" if page_cache else "0",
                "FRAGMENT_CACHE": "1" if fragment_cache else "0",
            }
            port = self.args.port + number if self.args.port else None
            # Every request the workers answered, one line each: what their CPU time is divided by.
            access_log = self.tmp / f"access-{size}.log"
            access_log.unlink(missing_ok=True)
            extra = ["--access-logfile", str(access_log)]
            server = self.servers[size] = Gunicorn(
                env, workers=WORKERS, port=port, extra_args=extra
            )
            server.access_log = access_log
            home = server.base_url + "/"
            server.start(
                lambda home=home: urllib.request.urlopen(home, timeout=2).read() is not None,
                attempts=100,
            )

    def stop_servers(self):
        for server in self.servers.values():
            server.stop(timeout=10)
        self.servers = {}

    # --- load -----------------------------------------------------------------------------

    def wrk(self, url, seconds, connections):
        output = subprocess.run(
            [
                "wrk",
                f"-t{min(2, connections)}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "--latency",
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return parse_wrk(output)

    def measure(self, mode, name, connections=None, seconds=None):
        """One page at every size, interleaved in segments of SEGMENT_SECONDS (the cold mode:
        COLD_SEGMENT_SECONDS): S L L S S L L S (or L S S L L S S L), `seconds` (--duration) per
        size in all. A drift of this machine's speed during the run (it moves ±15% from minute
        to minute) then weighs on both sizes alike instead of on whichever size came second."""
        connections = connections or self.args.connections
        seconds = seconds or self.args.duration
        segment_seconds = COLD_SEGMENT_SECONDS if mode == "cold" else SEGMENT_SECONDS
        sizes = self.args.sizes
        urls = {size: self.servers[size].base_url + self.urls[name] for size in sizes}
        for size, url in urls.items():
            for _ in range(WARM_UP_REQUESTS):  # templates, connections, remembered parts
                urllib.request.urlopen(url, timeout=60).read()
            self.servers[size].database_pids = self.database_pids(size)
        rounds = max(1, round(seconds / segment_seconds))
        # Which size goes first alternates from one URL to the next, so neither always has the
        # first segment after the warm-up.
        self.turns += 1
        first = sizes if self.turns % 2 else sizes[::-1]
        order = [size for n in range(rounds) for size in (first if n % 2 == 0 else first[::-1])]
        segments = {size: [] for size in sizes}
        try:
            for size in order:
                server = self.servers[size]
                cpu, served = self.server_work(server)
                segment = self.wrk(urls[size], segment_seconds, connections)
                cpu_after, served_after = self.server_work(server, settle=True)
                segment["cpu"], segment["served"] = cpu_after - cpu, served_after - served
                segments[size].append(segment)
        except (OSError, subprocess.CalledProcessError, AttributeError) as error:
            log(f"{mode} {name}: not measured ({error})")
            return
        for size in sizes:
            # A URL measured twice in a mode (the static file) adds its segments together.
            kept = self.segments.setdefault((size, mode, name), [])
            kept += segments[size]
            result = combine(kept)
            result.update(self.probes[size]["pages"][name])
            self.results[size, mode, name] = result
            rps = "/".join(f"{s['requests'] / s['seconds']:.0f}" for s in kept)
            cpu = ""
            if result["cpu_ms"]:
                each = "/".join(f"{ms:.1f}" for ms in segment_cpu_ms(kept))
                cpu = f" CPU {result['cpu_ms']:6.1f} ms/request ({each})"
            log(
                f"{size} {mode:8} {name:10} {result['rps']:8.0f} req/s ({rps}) "
                f"p50 {result['p50']:6.1f} ms p99 {result['p99']:6.1f} ms{cpu}"
            )
            if result["errors"] or result["socket_errors"]:
                log(f"  non-2xx/3xx: {result['errors']}; socket: {result['socket_errors'] or 0}")

    def database_pids(self, size):
        """The PostgreSQL server processes serving the size's database (the workers keep their
        connections, DB_CONN_MAX_AGE): their CPU is the requests' too. None on SQLite, where
        queries run inside the workers."""
        if self.args.sqlite:
            return set()
        import psycopg2

        conn = psycopg2.connect(self.admin_url)
        try:
            with conn.cursor() as cursor:
                cursor.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = %s",
                    [self.database_name(size)],
                )
                return {pid for (pid,) in cursor.fetchall()}
        finally:
            conn.close()

    @staticmethod
    def server_work(server, settle=False):
        """(the workers' CPU seconds, requests they logged) so far; with `settle`, once both
        stop moving (a request still running when wrk stopped is finished and counted): no new
        line, less than 2 ms of CPU in 50 ms (idle workers still wake now and then) and no
        counted process running or waiting for a CPU (on a busy machine a request can wait
        longer than 50 ms for one)."""

        def read():
            lines = server.access_log.read_bytes().count(b"\n") if server.access_log.exists() else 0
            return server.worker_cpu_seconds(server.database_pids), lines

        now = read()
        for _ in range(50 if settle else 0):
            time.sleep(0.05)
            later = read()
            if later[1] == now[1] and later[0] - now[0] < 0.002 and not server.running:
                return later
            now = later
        return now

    def run(self):
        load = " ".join(f"{value:.1f}" for value in os.getloadavg())
        log(f"load average before: {load} (other work on this machine skews the figures)")
        self.build()
        if self.args.setup_only:
            return
        for mode, page_cache, fragment_cache in MODES:
            if mode not in self.args.modes:
                continue
            self.start_servers(page_cache, fragment_cache)
            try:
                # The cold mode and one client: half the time.
                seconds = self.args.duration // 2 if mode == "cold" else self.args.duration
                connections = WORKERS if mode == "cold" else None
                # The static file, which the cached pages are compared with, takes half of its
                # time before the pages and half after: the pages' minute lies between.
                names = [n for n in PAGE_ORDER if n in self.urls and n in self.args.pages]
                if "static" in names:
                    names = ["static", *names]
                for name in names:
                    share = seconds // 2 if name == "static" else seconds
                    self.measure(mode, name, connections=connections, seconds=share)
                if mode == "uncached":
                    # One client: the time one render takes (with 16 clients and 2 workers,
                    # p50 is mostly waiting in the queue: 16 / requests per second).
                    for name in SINGLE_CLIENT:
                        if name in self.urls and name in self.args.pages:
                            self.measure("1 client", name, connections=1, seconds=seconds // 2)
            finally:
                self.stop_servers()
        self.purge_ratio()
        self.print_report()

    def purge_ratio(self):
        """How much of a warm page cache one publish leaves (bench/purge_ratio.py, in its own
        process, rolled back): at S, the smallest size with archive pages of every kind."""
        size = "S" if "S" in self.args.sizes else self.args.sizes[0]
        started = time.monotonic()
        output = subprocess.run(
            [PYTHON, str(ROOT / "bench" / "purge_ratio.py"), "--existing", "--json"],
            cwd=ROOT,
            env=self.env(size),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        self.purges[size] = json.loads(output.strip().splitlines()[-1])
        log(f"{size}: {output.strip().splitlines()[0]} ({time.monotonic() - started:.0f} s)")

    def cleanup(self):
        self.stop_servers()
        if self.args.keep:
            for size in self.args.sizes:
                env = self.env(size)
                keys = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "STATIC_ROOT", "MEDIA_ROOT")
                kept = " ".join(f"{k}={env[k]}" for k in keys)
                log(f"kept for profiling ({size}): {kept} SECRET_KEY=x ALLOWED_HOSTS=127.0.0.1 ...")
            return
        self.drop_databases()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # --- report ---------------------------------------------------------------------------

    def print_report(self):
        print()
        header = (
            f"{'size':4} {'page':10} {'mode':8} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} "
            f"{'CPU ms':>7} {'bytes':>8} {'SQL cold':>8} {'SQL':>4} {'SQL hit':>7}"
        )
        print(header)
        print("-" * len(header))
        for size in self.args.sizes:
            for name in PAGE_ORDER:
                for mode in ("cold", "uncached", "1 client", "cached"):
                    r = self.results.get((size, mode, name))
                    if not r:
                        continue
                    hit_queries = r["cached_queries"] if r.get("cache") == "hit" else "-"
                    cpu = f"{r['cpu_ms']:7.1f}" if r["cpu_ms"] else f"{'-':>7}"
                    print(
                        f"{size:4} {name:10} {mode:8} {r['rps']:8.0f} {r['p50']:7.1f} "
                        f"{r['p99']:7.1f} {cpu} {r['bytes']:8d} {r['cold_queries']:8d} "
                        f"{r['queries']:4d} {hit_queries!s:>7}"
                    )
        print()
        for size in self.probes:
            home = self.probes[size]["home"]
            print(
                f"home page weight at {size}: {home['bytes'] / 1024:.1f} KB HTML+CSS+JS "
                f"({home['gzip_bytes'] / 1024:.1f} KB gzipped, {home['assets']} CSS/JS files, "
                f"third-party: {home['third_party'] or 'none'})"
            )
        print()
        self.print_ratios()
        print("load average after: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))

    def print_ratios(self):
        checks = []  # (label, value text, met?, target text)

        # The targets, then figures shown beside them for information only: the cold
        # mode (nothing remembered, as right after a purge) and one client (a render's own time).
        def at_least(label, ratio, target, is_target=True):
            checks.append((label, f"{ratio:.2f}", ratio >= target, f">= {target}", is_target))

        def under_ms(label, result, target, is_target=True):
            value = result["p50"]
            row = (label, f"{value:.1f} ms", value < target, f"< {target:.0f} ms", is_target)
            checks.append(row)

        def cold_cpu(size, name):
            result = self.results.get((size, "cold", name))
            return result["cpu_ms"] if result else None

        for size in self.args.sizes:
            static = self.results.get((size, "cached", "static"))
            for name in PAGE_ORDER[:-1] if static else []:
                cached = self.results.get((size, "cached", name))
                if cached and cached.get("cache") == "hit":
                    ratio = cached["rps"] / static["rps"]
                    label = f"cached {name} / static file rps at {size}"
                    at_least(label, ratio, TARGETS["cached_vs_static"])
        if "S" in self.args.sizes and "L" in self.args.sizes:
            for mode in ("uncached",):
                for name in PAGE_ORDER[:-1]:
                    small = self.results.get(("S", mode, name))
                    large = self.results.get(("L", mode, name))
                    if small and large:
                        ratio = large["rps"] / small["rps"]
                        label = f"{mode} {name} rps L / S"
                        at_least(label, ratio, TARGETS["l_vs_s"], is_target=mode == "uncached")
                # The control: one static file, the same bytes at both sizes. Its ratio is how much
                # the machine itself moved between the two sizes' measurements.
                small = self.results.get(("S", mode, "static"))
                large = self.results.get(("L", mode, "static"))
                if small and large:
                    label = f"{mode} static file rps L / S (control)"
                    at_least(label, large["rps"] / small["rps"], TARGETS["l_vs_s"], is_target=False)
        for size in self.args.sizes:
            for mode, label in (("1 client", ", 1 client (render time)"), ("uncached", "")):
                article = self.results.get((size, mode, "article"))
                if article:
                    target = TARGETS["article_p50_ms"]
                    is_target = mode == "uncached"
                    under_ms(f"uncached article p50 at {size}{label}", article, target, is_target)
        largest = self.args.sizes[-1]
        clients = f", {self.args.connections} clients"
        for mode, label in (("1 client", ", 1 client"), ("uncached", clients)):
            search = self.results.get((largest, mode, "search"))
            if search:
                label = f"search 'cong doan' p50 at {largest}{label}"
                under_ms(label, search, TARGETS["search_p50_ms"], is_target=mode == "uncached")
        # Cold mode (issue 20): server CPU per request, nothing remembered, as after a purge.
        for name, limit in COLD_CPU_MS.items():
            value = cold_cpu("D", name)
            if value is not None:
                row = (f"cold {name} CPU/request at D", f"{value:.1f} ms", value <= limit)
                checks.append((*row, f"<= {limit:.0f} ms", True))
        for size, growth in COLD_GROWTH.items():
            pages = COLD_XL_PAGES if size == "XL" else PAGE_ORDER[:-1]
            for name in pages:
                small = self.segments.get(("S", "cold", name))
                large = self.segments.get((size, "cold", name))
                ratio = paired_ratio(small, large) if small and large else None
                if ratio is not None:
                    label = f"cold {name} CPU/request {size} / S"
                    checks.append((label, f"{ratio:.2f}", ratio <= growth, f"<= {growth}", True))
        # One publish into a warm cache (issue 20): what does not show the article stays cached.
        for size, purge in self.purges.items():
            unexpected = len(purge["unexpected"])
            label = f"pages not showing a new article made cold at {size}"
            checks.append((label, f"{unexpected}", unexpected == 0, "0", True))
            ratio = purge["hits"] / purge["cached"] if purge["cached"] else 0.0
            label = f"page cache hits after one publish at {size}"
            checks.append((label, f"{ratio:.1%}", True, f"{purge['cached']} pages", False))
        width = max(len(c[0]) for c in checks) if checks else 10
        targets = [c for c in checks if c[4]]
        for title, rows, words in (
            ("target", targets, ("ok", "MISSED")),
            ("for information", [c for c in checks if not c[4]], ("meets", "misses")),
        ):
            print(f"{title:{width}} {'value':>9}  {'line':>9}  result")
            for label, value, ok, line, _is_target in rows:
                print(f"{label:{width}} {value:>9}  {line:>9}  {words[0] if ok else words[1]}")
            print()
        missed = [c for c in targets if not c[2]]
        print(f"{len(targets) - len(missed)} of {len(targets)} targets met.")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def to_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    return float(match.group(1)) * UNITS[match.group(2)]


def parse_wrk(output):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    done = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "requests": int(done.group(1)),
        "seconds": to_ms(done.group(2) + done.group(3)) / 1000,
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def segment_cpu_ms(segments):
    """Each segment's server CPU per request it answered (milliseconds)."""
    return [s["cpu"] * 1000 / s["served"] for s in segments if s.get("served")]


def paired_ratio(small, large):
    """One size's CPU per request over another's: the median of the ratios of their segments
    taken in the same round (S L L S: the first S and L, then the second L and S, ...), side by
    side in time, so that what the machine did in that second weighs on both. Over repeated
    runs on a busy machine it moved less than the ratio of two sums or of two medians."""
    rounds = [
        (a["cpu"] / a["served"], b["cpu"] / b["served"])
        for a, b in zip(small, large, strict=False)
        if a.get("served") and b.get("served") and a["cpu"] > 0
    ]
    return statistics.median(b / a for a, b in rounds) if rounds else None


def combine(segments):
    """One figure from a page's segments at one size: requests/s over all of them; p50 and p99
    are the mean of the segments' own (wrk prints percentiles, not its histogram); the server
    CPU per request is the median of the segments' own: a segment that other work on the
    machine slowed (its caches, its cores' shared halves) moves the median little, where it
    moved a sum over all segments by its whole excess."""
    requests = sum(s["requests"] for s in segments)
    seconds = sum(s["seconds"] for s in segments)
    cpu_ms = segment_cpu_ms(segments)
    return {
        # The workers' CPU per request they answered (milliseconds).
        "cpu_ms": statistics.median(cpu_ms) if cpu_ms else None,
        "requests": requests,
        "seconds": seconds,
        "rps": requests / seconds,
        "p50": sum(s["p50"] for s in segments) / len(segments),
        "p99": sum(s["p99"] for s in segments) / len(segments),
        "errors": sum(s["errors"] for s in segments),
        "socket_errors": "; ".join(s["socket_errors"] for s in segments if s["socket_errors"]),
    }


def comma_list(value):
    return [item.strip() for item in value.split(",") if item.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--sizes", default="S,L", type=comma_list)
    parser.add_argument("--keep", action="store_true", help="keep the databases and files")
    parser.add_argument("--setup-only", action="store_true", help="build the sizes, no load test")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
    )
    parser.add_argument("--db-prefix", default=DB_PREFIX)
    parser.add_argument("--modes", default=",".join(m[0] for m in MODES), type=comma_list)
    parser.add_argument("--pages", default=",".join(PAGE_ORDER), type=comma_list)
    parser.add_argument("--port", type=int, default=0, help="first port (default: free ports)")
    parser.add_argument(
        "--sqlite",
        default="",
        metavar="FOLDER",
        help="SQLite files in FOLDER instead of PostgreSQL databases",
    )
    parser.add_argument(
        "--media-root",
        default="",
        help="uploaded images here (default: the temporary folder); with --keep and --reuse",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the sizes' databases kept by an earlier --keep run (migrated, not rebuilt)",
    )
    args = parser.parse_args()
    for value, known, what in (
        (args.modes, [m[0] for m in MODES], "mode"),
        (args.pages, PAGE_ORDER, "page"),
    ):
        for item in value:
            if item not in known:
                sys.exit(f"Unknown {what} {item!r}: use {', '.join(known)}.")
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: run `apt-get install wrk` (Debian/Ubuntu) and try again.")
    for size in args.sizes:
        if size not in SIZES:
            sys.exit(f"Unknown size {size!r}: use {', '.join(SIZES)}.")
    if args.sizes != sorted(args.sizes, key=list(SIZES).index):
        sys.exit(f"List the sizes smallest first ({', '.join(SIZES)}).")

    bench = Bench(args)

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    started = time.monotonic()
    status = 0
    try:
        bench.run()
    except KeyboardInterrupt:
        log("interrupted; cleaning up")
        status = 130
    except Exception as error:
        log(f"failed: {error!r}")
        if bench.results:
            bench.print_report()
        status = 1
    finally:
        bench.cleanup()
        kept = "databases and files kept" if args.keep else "databases dropped, files removed"
        log(f"done in {time.monotonic() - started:.0f} s; {kept}")
    sys.exit(status)


if __name__ == "__main__":
    main()
