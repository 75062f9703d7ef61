"""Cold renders in-process: server CPU per request with nothing cached, on an existing database.

    PAGE_CACHE=0 FRAGMENT_CACHE=0 DATABASE_URL=sqlite:////tmp/site.sqlite3 \\
        .venv/bin/python bench/cold_render.py [--runs 7] [--profile "news index"]

Build the database first (`migrate`, `load_demo_content`, and `generate_content --articles N`
for a larger archive). For the article (newest), news index, home and search `cong doan` pages it
prints the median CPU time of --runs requests through Django's test client (middleware, view,
template; no network) after one warm-up, and the query count; --profile prints a cProfile of five
renders of one page. Figures only: run it with the machine otherwise quiet.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", default="")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from news.models import NewsArticlePage

    client = Client()
    article = NewsArticlePage.objects.live().order_by("-published_at").first()
    urls = {
        "article": article.url,
        "news index": "/tin-tuc/",
        "home": "/",
        "search": "/tim-kiem/?q=cong+doan",
    }
    print(f"{'page':12s} {'CPU ms':>8s} {'queries':>8s}")
    for name, url in urls.items():
        response = client.get(url, HTTP_HOST="localhost")
        if response.status_code != 200:
            sys.exit(f"{url}: HTTP {response.status_code}")
        times = []
        for _ in range(args.runs):
            started = time.process_time()
            client.get(url, HTTP_HOST="localhost")
            times.append(time.process_time() - started)
        with CaptureQueriesContext(connection) as queries:
            client.get(url, HTTP_HOST="localhost")
        print(f"{name:12s} {statistics.median(times) * 1000:8.1f} {len(queries):8d}")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(5):
            client.get(urls[args.profile], HTTP_HOST="localhost")
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(40)
        print(out.getvalue())


if __name__ == "__main__":
    main()
