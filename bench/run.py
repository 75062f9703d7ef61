"""`make bench`: load-test the portal at two content sizes, with and without the page cache.

Creates its own PostgreSQL database (portal_bench on 127.0.0.1:5432, user postgres), migrates,
loads the demo content and generates size S (100 articles); collects static files; serves the
site with gunicorn (production settings, DEBUG off, 2 workers) on 127.0.0.1:<free port>; drives
each page type with wrk (16 connections) with the page cache off and on; grows to size L (10,000
articles, 1,000 documents) and repeats. Prints a table and the target ratios, then drops the
database and removes its temporary folder, also on Ctrl-C or an error.

Options: --duration SECONDS per URL (default 5), --connections N (16), --sizes S,L,
--database-url postgres://... (the server; the database name is replaced by portal_bench).
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from server import Gunicorn

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DB_NAME = "portal_bench"
SIZES = {"S": {"articles": 100, "documents": 0}, "L": {"articles": 10_000, "documents": 1_000}}
PAGE_ORDER = [
    "home",
    "news index",
    "article",
    "category",
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


def log(message):
    print(f"[bench] {message}", flush=True)


class Bench:
    def __init__(self, args):
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="cdvc-bench-"))
        self.server = None
        self.db_created = False
        server_url = urlsplit(args.database_url)
        self.admin_url = urlunsplit(server_url._replace(path="/postgres"))
        self.database_url = urlunsplit(server_url._replace(path=f"/{DB_NAME}"))
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DEBUG": "false",
            "DATABASE_URL": self.database_url,
            "STATIC_ROOT": str(self.tmp / "static"),
            "MEDIA_ROOT": str(self.tmp / "media"),
            "SERVE_MEDIA": "true",
            "PAGE_CACHE_GENERATION_FILE": str(self.tmp / "page-cache-generation"),
            "REGISTRY_RATE_LIMIT": "0",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
        self.results = {}  # (size, mode, page) -> dict
        self.urls = None  # chosen at the first size, measured at every size
        self.probes = {}  # size -> probe report

    # --- database -------------------------------------------------------------------------

    def _admin(self, sql):
        import psycopg2

        conn = psycopg2.connect(self.admin_url)
        conn.autocommit = True
        try:
            with conn.cursor() as cursor:
                cursor.execute(sql)
        finally:
            conn.close()

    def create_database(self):
        self._admin(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        self._admin(f"CREATE DATABASE {DB_NAME}")
        self.db_created = True

    def settle(self):
        """After a bulk import, as an operator would: VACUUM ANALYZE, so the planner knows the
        new rows and autovacuum does not start on them in the middle of a measurement."""
        import psycopg2

        started = time.monotonic()
        conn = psycopg2.connect(self.database_url)
        conn.autocommit = True
        try:
            with conn.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        finally:
            conn.close()
        log(f"VACUUM ANALYZE ({time.monotonic() - started:.0f} s)")

    def drop_database(self):
        if self.db_created:
            try:
                self._admin(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
                self.db_created = False
            except Exception as error:
                log(f"could not drop {DB_NAME}: {error}")

    # --- Django commands ------------------------------------------------------------------

    def manage(self, *args):
        started = time.monotonic()
        subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        log(f"manage.py {' '.join(args)} ({time.monotonic() - started:.0f} s)")

    def probe(self):
        env = dict(self.env)
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
        return report

    # --- gunicorn -------------------------------------------------------------------------

    def start_server(self, page_cache, fragment_cache=True):
        env = {
            **self.env,
            "PAGE_CACHE": "1" if page_cache else "0",
            "FRAGMENT_CACHE": "1" if fragment_cache else "0",
        }
        self.server = Gunicorn(env, workers=2)
        home = self.server.base_url + "/"
        return self.server.start(
            lambda: urllib.request.urlopen(home, timeout=2).read() is not None, attempts=100
        )

    def stop_server(self):
        if self.server:
            self.server.stop(timeout=10)
        self.server = None

    # --- load -----------------------------------------------------------------------------

    def wrk(self, url, connections=None):
        connections = connections or self.args.connections
        for _ in range(5):  # warm up: templates, connections, the page cache
            urllib.request.urlopen(url, timeout=60).read()
        output = subprocess.run(
            [
                "wrk",
                f"-t{min(2, connections)}",
                f"-c{connections}",
                f"-d{self.args.duration}s",
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

    def run_size(self, size):
        report = self.probes[size] = self.probe()
        log(f"size {size}: {report['counts']}")
        for mode, page_cache, fragment_cache in MODES:
            base = self.start_server(page_cache, fragment_cache)
            try:
                for name in PAGE_ORDER:
                    if name not in report["urls"]:
                        continue
                    self.measure(size, mode, name, base + report["urls"][name], report)
                if mode == "uncached":
                    # One client: the time one render takes (with 16 clients and 2 workers,
                    # p50 is mostly waiting in the queue: 16 / requests per second).
                    for name in SINGLE_CLIENT:
                        if name in report["urls"]:
                            url = base + report["urls"][name]
                            self.measure(size, "1 client", name, url, report, connections=1)
            finally:
                self.stop_server()

    def measure(self, size, mode, name, url, report, connections=None):
        try:
            result = self.wrk(url, connections=connections)
        except (OSError, subprocess.CalledProcessError, AttributeError) as error:
            log(f"{size} {mode} {name}: not measured ({error})")
            return
        result.update(report["pages"][name])
        self.results[size, mode, name] = result
        log(
            f"{size} {mode:8} {name:10} {result['rps']:8.0f} req/s "
            f"p50 {result['p50']:6.1f} ms p99 {result['p99']:6.1f} ms"
        )

    def grow(self, target):
        have = self.probes.get("S", {}).get("counts", {})
        args = []
        for kind in ("articles", "documents"):
            missing = target[kind] - have.get(kind, 0)
            if missing > 0:
                args += [f"--{kind}", str(missing)]
        if args:
            self.manage("generate_content", *args, "--seed", "99")
            self.settle()

    def run(self):
        load = " ".join(f"{value:.1f}" for value in os.getloadavg())
        log(f"load average before: {load} (other work on this machine skews the figures)")
        self.create_database()
        self.manage("migrate", "--noinput")
        self.manage("load_demo_content")
        self.manage("collectstatic", "--noinput")
        sizes = self.args.sizes
        for index, size in enumerate(sizes):
            if index == 0:
                target = SIZES[size]
                self.manage("generate_content", "--articles", str(target["articles"]))
                self.settle()
            else:
                self.grow(SIZES[size])
            if self.args.setup_only:
                return
            self.run_size(size)
        self.print_report()

    def cleanup(self):
        self.stop_server()
        if self.args.keep:
            env = " ".join(
                f"{k}={self.env[k]}"
                for k in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "STATIC_ROOT", "MEDIA_ROOT")
            )
            log(f"kept for profiling: {env} SECRET_KEY=x ALLOWED_HOSTS=127.0.0.1 ...")
            return
        self.drop_database()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # --- report ---------------------------------------------------------------------------

    def print_report(self):
        print()
        header = (
            f"{'size':4} {'page':10} {'mode':8} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} "
            f"{'bytes':>8} {'SQL cold':>8} {'SQL':>4} {'SQL hit':>7}"
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
                    print(
                        f"{size:4} {name:10} {mode:8} {r['rps']:8.0f} {r['p50']:7.1f} "
                        f"{r['p99']:7.1f} {r['bytes']:8d} {r['cold_queries']:8d} "
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

        for size in self.args.sizes:
            static = self.results.get((size, "cached", "static"))
            for name in PAGE_ORDER[:-1] if static else []:
                cached = self.results.get((size, "cached", name))
                if cached and cached.get("cache") == "hit":
                    ratio = cached["rps"] / static["rps"]
                    label = f"cached {name} / static file rps at {size}"
                    at_least(label, ratio, TARGETS["cached_vs_static"])
        if "S" in self.args.sizes and "L" in self.args.sizes:
            for mode in ("uncached", "cold"):
                for name in PAGE_ORDER[:-1]:
                    small = self.results.get(("S", mode, name))
                    large = self.results.get(("L", mode, name))
                    if small and large:
                        ratio = large["rps"] / small["rps"]
                        label = f"{mode} {name} rps L / S"
                        at_least(label, ratio, TARGETS["l_vs_s"], is_target=mode == "uncached")
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
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--sizes", default="S,L", type=lambda v: v.split(","))
    parser.add_argument("--keep", action="store_true", help="keep the database and files")
    parser.add_argument("--setup-only", action="store_true", help="build size S, no load test")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: run `apt-get install wrk` (Debian/Ubuntu) and try again.")
    for size in args.sizes:
        if size not in SIZES:
            sys.exit(f"Unknown size {size!r}: use S and/or L.")

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
        log(
            f"done in {time.monotonic() - started:.0f} s; database dropped, temporary files removed"
        )
    sys.exit(status)


if __name__ == "__main__":
    main()
