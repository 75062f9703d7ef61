"""Instructions per cold render, counted by callgrind: a figure that does not move with the
machine's load (bench/run.py's server CPU per request does, by ±20% on a busy shared machine).
In one process, production settings, `PAGE_CACHE=0 FRAGMENT_CACHE=0`, Django's test client, the
garbage collector frozen after start-up as gunicorn.conf.py does in each worker; each page is
rendered twice before counting (the templates compiled, the process's own one-time work done),
then N times counted. The pages are bench/probe.py's (the bench's own URLs), or BENCH_URLS's.

    PAGE_CACHE=0 FRAGMENT_CACHE=0 DATABASE_URL=sqlite:////tmp/site.sqlite3 \\
    STATIC_ROOT=<collectstatic output> MEDIA_ROOT=… valgrind --tool=callgrind \\
    --instr-atstart=no .venv/bin/python bench/cold_instructions.py [--runs 5] [article,home,…]

With `FRAGMENT_CACHE=1` it counts the bench's uncached mode (the two renders before counting
warm the fragments and remembered values: an article read again), plus ~0.3 M instructions of the
test client's own; the whole gunicorn worker is counted as docs/performance.md says ("What an
uncached article costs now").

Prints thousands of instructions (kIr) per request and the SQL statements of one request. The
dump files (callgrind.out.<pid>.*) are written in the current folder.
"""

import argparse
import gc
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
for name, value in {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "cold-instructions-only",
    "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    "DEBUG": "false",
    "PAGE_CACHE": "0",
    "FRAGMENT_CACHE": "0",
    "SERVE_MEDIA": "true",
    "LOG_LEVEL": "WARNING",
}.items():
    os.environ.setdefault(name, value)

from registry_instructions import counted  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("pages", nargs="?", default="article,home,news index")
    args = parser.parse_args()

    import probe  # django.setup(), the bench's URLs
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    # BENCH_URLS (JSON, as bench/run.py passes it to probe.py): another size's pages, so that a
    # page is compared with itself as the content around it grows.
    fixed = os.environ.get("BENCH_URLS")
    urls = json.loads(fixed) if fixed else probe.urls()
    pages = [page.strip() for page in args.pages.split(",")]
    for page in pages:
        for _ in range(2):
            response = client.get(urls[page])
            assert response.status_code == 200, (page, response.status_code)
    gc.collect()
    gc.freeze()
    for page in pages:
        url = urls[page]
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        print(f"{page} ({url}): {len(queries)} SQL", flush=True)
        counted(page, args.runs, lambda url=url: [client.get(url) for _ in range(args.runs)])


if __name__ == "__main__":
    main()
