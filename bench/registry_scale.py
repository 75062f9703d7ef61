"""The member registry at scale: admin requests, sign-ups and exports at two registry sizes.

For each size (default 10,000 and 1,000,000 entries) it uses its own PostgreSQL database on
127.0.0.1:5432 (user postgres), named <prefix><size> (default prefix `bench_registry_`), which it
keeps between runs: the first run creates it (migrate, demo content, `manage.py
generate_registry`); the larger size starts as a `CREATE DATABASE … TEMPLATE` copy of the smaller
one grown further. Later runs only `migrate` (new indexes) and top the registry up to the size.

Then, for each size:

1. **admin**: the p50 (of --samples, after two warm-up requests) of each registry admin request
   of issue 16, as a superuser through Django's test client (production settings, DEBUG off):
   the list's first page, a province filter, a status filter, page 2,000 (the last page at
   10,000), a phone number typed with spaces, a name typed without accents;
2. **sign-ups**: gunicorn (production settings, 2 workers) on 127.0.0.1 and 16 client threads:
   each client fetches the form (single-use token, CSRF cookie), waits out the 2-second time
   trap, and posts; some numbers twice, in other spellings. Then it counts the rows: lost and
   doubled must be 0. Sign-ups per second over the POST phase, and the workers' CPU (utime+stime
   from /proc/<pid>/stat) per sign-up, for the POSTs alone and with the form GET each needs. The
   bench's sign-ups (numbers 056…) are deleted afterwards, so the size stays;
3. **export**: a full export of the registry run as the export task would in a worker process:
   its wall time and the process's peak memory (ru_maxrss), when the export task exists.

    .venv/bin/python bench/registry_scale.py [--sizes 10000,1000000] [--samples 9]
        [--signups 400] [--clients 16] [--skip-signups] [--skip-export] [--export-formats csv,xlsx]
        [--db-prefix bench_registry_] [--database-url postgres://postgres@127.0.0.1:5432/postgres]
        [--ports 8100-8200]   # gunicorn's port from this range (a shared machine's own range)
        [--drop]   # drop the bench databases and exit
"""

import argparse
import json
import os
import random
import re
import resource
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from signup_client import (  # noqa: E402 - bench/ on the path first
    SignupClient,
    cpu_seconds,
    log,
    manage,
    sql,
    start_signup_server,
    submit_all,
    worker_pids,
)

PYTHON = sys.executable
BENCH_PHONE_PREFIX = "+8456"  # the bench's own sign-ups; the generated entries are 059…
ADMIN_REQUESTS = [
    ("list, first page", ""),
    ("filter by province", "?province=79"),
    ("filter by status", "?status=contacted"),
    ("page 2,000 of the list", "?p=2000"),
    ("search a phone number", "?q={phone}"),
    ("search a name without accents", "?q=nguyen thi lan"),
    # What the list fetches while the clerk types in its search box (the results, no page chrome).
    ("phone search, results as typed", "results/?q={phone}"),
    ("name search, results as typed", "results/?q=nguyen thi lan"),
]
PHONE_TARGET_MS = 30
LIST_TARGET_MS = 150


def size_label(size):
    return f"{size // 1_000_000}m" if size % 1_000_000 == 0 else f"{size // 1000}k"


# --- the admin requests (run inside a Django process: --measure-admin) --------------------------
def measure_admin(samples):
    import gc

    import django

    django.setup()
    # As a gunicorn worker does once the app is loaded (gunicorn.conf.py, post_worker_init):
    # what is allocated so far stays out of the garbage collector's full collections.
    gc.collect()
    gc.freeze()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from campaigns.registry.models import MemberSignup

    user = get_user_model().objects.filter(username="bench-admin").first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench-admin", "", secrets.token_hex(16))
    client = Client()
    client.force_login(user)
    total = MemberSignup.objects.count()
    middle = (
        MemberSignup.objects.filter(phone__startswith="+8459")
        .order_by("phone")
        .values_list("phone", flat=True)[total // 2]
    )
    national = "0" + middle[3:]
    phone_typed = f"{national[:4]} {national[4:7]} {national[7:]}"
    results = {}
    for label, query in ADMIN_REQUESTS:
        url = "/admin/dang-ky/" + query.format(phone=urllib.parse.quote(phone_typed))
        timings, cpu, db = [], [], []
        for i in range(samples + 2):
            queries = []

            def timed(execute, sql, params, many, context, queries=queries):
                started = time.perf_counter()
                try:
                    return execute(sql, params, many, context)
                finally:
                    queries.append(time.perf_counter() - started)

            started, started_cpu = time.perf_counter(), time.process_time()
            with connection.execute_wrapper(timed):
                response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
            if i >= 2:
                timings.append(elapsed)
                cpu.append((time.process_time() - started_cpu) * 1000)
                db.append(sum(queries) * 1000)
        results[label] = {
            "p50": statistics.median(timings),
            "cpu": statistics.median(cpu),
            "db": statistics.median(db),
        }
    connection.close()
    print(json.dumps({"entries": total, "admin": results}))


# --- the export (run inside a Django process: --measure-export) ---------------------------------
def measure_export(file_format):
    """A full export of the registry, as the export task runs it in a worker process."""
    import django

    django.setup()
    try:
        from campaigns.registry import exports
        from campaigns.registry.models import RegistryExport
    except ImportError:
        print(json.dumps({"export": None}))
        return
    export = RegistryExport.objects.create(
        file_format=file_format, status=RegistryExport.Status.QUEUED, filters={}
    )
    started = time.perf_counter()
    rows = exports.run(export.pk)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    export.refresh_from_db()
    if export.file:
        export.file.delete(save=False)
    print(json.dumps({"export": {"seconds": elapsed, "rows": rows, "peak_mb": peak_kib / 1024}}))


# --- the bench databases ----------------------------------------------------------------------
class Bench:
    def __init__(self, args):
        self.args = args
        parts = urllib.parse.urlsplit(args.database_url)
        if parts.hostname not in ("127.0.0.1", "localhost"):
            raise SystemExit("The bench only talks to a PostgreSQL server on 127.0.0.1.")
        self.parts = parts
        self.admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
        self.tmp = Path(tempfile.mkdtemp(prefix="cdvc-registry-bench-"))
        # Kept between runs like the databases: the demo images live there.
        self.media_root = Path(tempfile.gettempdir()) / f"{args.db_prefix}media"
        self.server = None

    def db_name(self, size):
        return f"{self.args.db_prefix}{size_label(size)}"

    def db_url(self, size):
        return urllib.parse.urlunsplit(self.parts._replace(path=f"/{self.db_name(size)}"))

    def env(self, size, **extra):
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "registry-bench-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,testserver",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DEBUG": "false",
            "DATABASE_URL": self.db_url(size),
            "STATIC_ROOT": str(self.tmp / "static"),
            "MEDIA_ROOT": str(self.media_root),
            "PAGE_CACHE_GENERATION_FILE": str(self.tmp / "page-cache-generation"),
            "CACHE_IDENTITY_FILE": str(self.tmp / "server-cache-identity"),
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "REGISTRY_DEFAULT_FORWARD_EMAIL": "tiepnhan@example.invalid",
            "LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
            **extra,
        }

    def exists(self, size):
        rows = sql(
            self.admin_url,
            f"SELECT 1 FROM pg_database WHERE datname = '{self.db_name(size)}'",
            fetch=True,
        )
        return bool(rows)

    def manage(self, size, *args, timeout=3600):
        manage(self.env(size), *args, timeout=timeout)

    def entries(self, size):
        return sql(self.db_url(size), "SELECT COUNT(*) FROM campaigns_membersignup", fetch=True)[0][
            0
        ]

    def prepare(self, size, smaller):
        name = self.db_name(size)
        if not self.exists(size):
            if smaller and self.exists(smaller):
                log(f"{name}: a copy of {self.db_name(smaller)}")
                sql(
                    self.admin_url,
                    f"CREATE DATABASE {name} TEMPLATE {self.db_name(smaller)}",
                )
            else:
                log(f"{name}: new")
                sql(self.admin_url, f"CREATE DATABASE {name}")
        self.manage(size, "migrate", "--noinput")
        if not sql(
            self.db_url(size), "SELECT 1 FROM wagtailcore_page WHERE depth > 2 LIMIT 1", True
        ):
            self.manage(size, "load_demo_content")
        self.restore_images(size)
        missing = size - self.entries(size)
        if missing > 0:
            log(f"{name}: generating {missing:,} entries")
            self.manage(size, "generate_registry", "--entries", str(missing))
            sql(
                self.db_url(size),
                "VACUUM ANALYZE campaigns_membersignup, campaigns_signupsubmission, "
                "campaigns_consentrecord",
            )

    def child(self, size, *args, timeout=3600):
        """Run this script in a Django process on the size's database; its last line is JSON."""
        output = subprocess.run(
            [PYTHON, __file__, *args],
            cwd=ROOT,
            env=self.env(size),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if output.returncode != 0:
            log(output.stderr[-3000:])
            raise RuntimeError(f"{' '.join(args)} failed at {size:,}")
        return json.loads(output.stdout.strip().splitlines()[-1])

    def restore_images(self, size):
        """Images whose file is not in the media folder (a database kept from a run with another
        folder) get a plain stand-in of their size, so pages render."""
        self.run_in_django(
            size,
            "from PIL import Image as Pil\n"
            "from wagtail.images import get_image_model\n"
            "for image in get_image_model().objects.all():\n"
            "    if not image.file.storage.exists(image.file.name):\n"
            "        path = image.file.storage.path(image.file.name)\n"
            "        import os; os.makedirs(os.path.dirname(path), exist_ok=True)\n"
            "        Pil.new('RGB', (image.width or 100, image.height or 100), 'white')"
            ".save(path, 'PNG' if path.endswith('.png') else 'JPEG')\n",
        )

    def run_in_django(self, size, code):
        """Run `code` in a fresh Django process on the size's database."""
        code = "import django; django.setup()\n" + code
        subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=self.env(size), check=True)

    def measure_admin(self, size):
        return self.child(size, "--measure-admin", "--samples", str(self.args.samples))

    def measure_export(self, size, file_format):
        return self.child(size, "--measure-export", file_format)["export"]

    # --- sign-ups through the real form -------------------------------------------------------
    def start_server(self, size):
        from server import free_port

        env = self.env(
            size,
            # Every client here is 127.0.0.1: the per-address limit is raised (still counted,
            # so its cost is in the figures); the per-number limit stays as configured.
            REGISTRY_RATE_LIMIT="1000000",
        )
        ports = range(*map(int, self.args.ports.split("-"))) if self.args.ports else None
        self.port = free_port(ports)
        self.client = SignupClient(self.port)
        self.server = start_signup_server(env, self.client, workers=2)

    def stop_server(self):
        if self.server:
            self.server.stop()
        self.server = None

    def plan(self):
        rng = random.Random(20261202)
        count = self.args.signups
        distinct = [f"{n:07d}" for n in rng.sample(range(10**7), count * 4 // 5)]
        posts = [(f"056{d}", f"+8456{d}") for d in distinct]
        for i in range(count - len(distinct)):
            d = distinct[i % len(distinct)]
            posts.append((f"+84 56{d[:1]} {d[1:4]} {d[4:]}", f"+8456{d}"))
        rng.shuffle(posts)
        return posts

    def delete_bench_signups(self, size):
        self.run_in_django(
            size,
            "from django.db import transaction\n"
            "from django.apps import apps\n"
            "MemberSignup = next(m for m in apps.get_models() if m.__name__ == 'MemberSignup')\n"
            f"ids = list(MemberSignup.objects.filter(phone__startswith='{BENCH_PHONE_PREFIX}')"
            ".values_list('pk', flat=True))\n"
            "with transaction.atomic():\n"
            "    for rel in MemberSignup._meta.related_objects:\n"
            "        if rel.one_to_many or rel.one_to_one:\n"
            "            rel.related_model._base_manager.filter(**{rel.field.name + '__in': ids})"
            "._raw_delete('default')\n"
            "    MemberSignup.objects.filter(pk__in=ids)._raw_delete('default')\n"
            # The per-number limit counts a day: a run's numbers start uncounted, so the runs of
            # one day on one database do not turn the repeats into HTTP 429 (counting stays in).
            "from portal import limits\n"
            f"for phone in {sorted({e164 for _typed, e164 in self.plan()})!r}:\n"
            "    limits.reset('signup-phone', phone)\n",
        )

    def measure_signups(self, size):
        self.delete_bench_signups(size)
        self.start_server(size)
        try:
            posts = self.plan()
            pids = worker_pids(self.server.process.pid)
            for _ in range(10):  # warm both workers
                self.client.fetch_form(0)
            cpu0 = cpu_seconds(pids)
            with ThreadPoolExecutor(self.args.clients) as pool:
                forms = list(pool.map(self.client.fetch_form, range(len(posts))))
            cpu1 = cpu_seconds(pids)
            time.sleep(2.2)  # the time trap: a form sent within 2 seconds is refused
            cpu2 = cpu_seconds(pids)
            accepted, outcomes, elapsed = submit_all(
                self.client, forms, [phone for phone, _ in posts], self.args.clients
            )
            cpu3 = cpu_seconds(pids)
        finally:
            self.stop_server()
        rows = sql(
            self.db_url(size),
            "SELECT s.phone, COUNT(DISTINCT s.id), COUNT(sub.id) FROM campaigns_membersignup s "
            "LEFT JOIN campaigns_signupsubmission sub ON sub.signup_id = s.id "
            f"WHERE s.phone LIKE '{BENCH_PHONE_PREFIX}%' GROUP BY s.phone",
            fetch=True,
        )
        stored = {phone: (entries, subs) for phone, entries, subs in rows}
        expected = Counter(e164 for (_, e164), ok in zip(posts, accepted, strict=True) if ok)
        lost = doubled = 0
        for phone, count in expected.items():
            entries, subs = stored.get(phone, (0, 0))
            lost += count if entries == 0 else max(0, count - subs)
            doubled += max(0, subs - count) + max(0, entries - 1)
        doubled += sum(1 for phone in stored if phone not in expected)
        self.delete_bench_signups(size)
        return {
            "posts": len(posts),
            "distinct": len({e for _, e in posts}),
            "answers": dict(outcomes),
            "per_second": len(posts) / elapsed,
            "lost": lost,
            "doubled": doubled,
            "failed": accepted.count(False),
            "cpu_post_ms": (cpu3 - cpu2) * 1000 / len(posts),
            "cpu_total_ms": ((cpu3 - cpu2) + (cpu1 - cpu0)) * 1000 / len(posts),
        }

    def cleanup(self):
        self.stop_server()
        subprocess.run(["rm", "-rf", str(self.tmp)], check=False)

    def drop(self):
        for size in self.args.sizes:
            sql(self.admin_url, f"DROP DATABASE IF EXISTS {self.db_name(size)} WITH (FORCE)")
            log(f"dropped {self.db_name(size)}")

    # --- the run ------------------------------------------------------------------------------
    def run(self):
        sizes = sorted(self.args.sizes)
        results = {}
        for i, size in enumerate(sizes):
            self.prepare(size, sizes[i - 1] if i else None)
        self.manage(sizes[0], "collectstatic", "--noinput")  # production settings: a manifest
        for size in sizes:
            log(f"measuring {size:,}")
            result = self.measure_admin(size)
            if not self.args.skip_signups:
                result["signups"] = self.measure_signups(size)
            if not self.args.skip_export:
                result["export"] = {
                    fmt: self.measure_export(size, fmt) for fmt in self.args.export_formats
                }
            results[size] = result
        self.report(sizes, results)
        return self.exit_code

    def report(self, sizes, results):
        small, large = sizes[0], sizes[-1]
        head = " | ".join(f"{results[s]['entries']:>11,}" for s in sizes)
        print(f"\n| registry admin request (p50, ms) | {head} | ratio |")
        print("|---|" + "---:|" * (len(sizes) + 1))
        failures = []
        for label, _query in ADMIN_REQUESTS:
            values = [results[s]["admin"][label]["p50"] for s in sizes]
            ratio = values[-1] / values[0] if values[0] else 0
            cells = " | ".join(f"{v:>11.1f}" for v in values)
            print(f"| {label} | {cells} | {ratio:.2f} |")
            target = PHONE_TARGET_MS if "phone" in label else LIST_TARGET_MS
            if values[-1] > target:
                failures.append(f"{label}: {values[-1]:.0f} ms > {target} ms")
            if ratio > 2:
                failures.append(f"{label}: {ratio:.1f}× from {small:,} to {large:,}")
        for size in sizes:
            signups = results[size].get("signups")
            if signups:
                print(
                    f"\nsign-ups at {results[size]['entries']:,} entries: {signups['posts']} posts "
                    f"({signups['distinct']} distinct numbers), 2 workers, "
                    f"{self.args.clients} clients: {signups['per_second']:.1f}/s; "
                    f"lost {signups['lost']}, doubled {signups['doubled']}, "
                    f"failed {signups['failed']} {signups['answers']}; server CPU per sign-up "
                    f"{signups['cpu_post_ms']:.1f} ms (POST), {signups['cpu_total_ms']:.1f} ms "
                    "(with its form GET)"
                )
                if signups["lost"] or signups["doubled"] or signups["failed"]:
                    failures.append(f"sign-ups at {size:,}: lost/doubled/failed")
            for fmt, export in (results[size].get("export") or {}).items():
                if not export:
                    print(f"export at {size:,}: no export task in this checkout")
                    continue
                print(
                    f"{fmt.upper()} export at {results[size]['entries']:,} entries: "
                    f"{export['rows']:,} rows in {export['seconds']:.1f} s, peak worker memory "
                    f"{export['peak_mb']:.0f} MB"
                )
                if size == large and export["peak_mb"] > 200:
                    failures.append(f"{fmt} export peak memory over 200 MB")
        print(
            "\nwhere the time goes (p50, ms): the request's own CPU (Python) | its queries' "
            "wall time (PostgreSQL and the wait for it)"
        )
        print(f"| registry admin request | {head} (CPU) | {head} (queries) |")
        print("|---|" + "---:|" * (2 * len(sizes)))
        for label, _query in ADMIN_REQUESTS:
            cpu = " | ".join(f"{results[s]['admin'][label]['cpu']:>11.1f}" for s in sizes)
            db = " | ".join(f"{results[s]['admin'][label]['db']:>11.1f}" for s in sizes)
            print(f"| {label} | {cpu} | {db} |")
        load = os.getloadavg()
        print(
            f"\nload average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} "
            f"({os.cpu_count()} cores)"
        )
        print("\ntargets: " + ("all met" if not failures else "; ".join(failures)))
        self.exit_code = 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="10000,1000000",
        type=lambda value: [int(v) for v in value.split(",")],
    )
    parser.add_argument("--samples", type=int, default=9)
    parser.add_argument("--signups", type=int, default=400)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--skip-signups", action="store_true")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--db-prefix", default="bench_registry_")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
    )
    parser.add_argument("--drop", action="store_true")
    parser.add_argument("--ports", default="", help="a range for gunicorn, e.g. 8100-8200")
    parser.add_argument("--measure-admin", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure-export", default="", help=argparse.SUPPRESS)
    parser.add_argument("--export-formats", default="csv,xlsx", type=lambda value: value.split(","))
    args = parser.parse_args()
    if args.measure_admin:
        return measure_admin(args.samples)
    if args.measure_export:
        return measure_export(args.measure_export)
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", args.db_prefix):
        raise SystemExit("--db-prefix: lower-case letters, digits and _ only")
    bench = Bench(args)
    if args.drop:
        return bench.drop()

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    code = 1
    try:
        code = bench.run()
    except KeyboardInterrupt:
        log("stopped")
    finally:
        bench.cleanup()
    sys.exit(code)


if __name__ == "__main__":
    main()
