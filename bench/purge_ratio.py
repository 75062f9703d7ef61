"""How much of the page cache survives one publish: warm the cache with every page of the demo
site, publish one new article, request every page again and count the hits.

    .venv/bin/python bench/purge_ratio.py                   # a temporary SQLite demo site
    DATABASE_URL=postgres://... .venv/bin/python bench/purge_ratio.py --existing
    REDIS_URL=redis://127.0.0.1:6379/11 .venv/bin/python bench/purge_ratio.py   # with Redis

Without --existing it migrates a temporary SQLite database and loads the demo content into it
(a minute or two). With --existing it uses the database of DATABASE_URL as it is (the demo content
or a bigger archive) and leaves it as it was: the publish is rolled back at the end. "Every page"
is every URL of the sitemap (pages, categories, tags, months) plus the news feeds. Importable:
`purge_hit_ratio()` returns the figures (Django set up, a database with content); `--json` prints
them as one JSON line at the end (`make bench` reads it).

Issue 20's line: after the publish, no document page, no campaign page and no article that does
not show the new one (it shows it when they share a tag: its related articles) is rendered again.
Those are counted as `unexpected`.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def every_url(client):
    """The site's pages as a reader reaches them: the sitemap's URLs and the news feeds."""
    from news.models import NewsIndexPage

    sitemap = client.get("/sitemap.xml").content.decode()
    paths = {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    for index in NewsIndexPage.objects.live():
        paths |= {index.url + "rss/", index.url + "atom/"}
    return sorted(paths)


def publish_one_article():
    """A new article in the newest article's category and month, with its first tag, as an
    editor does on a publishing day (the first article of a new month or category would also
    make every listing of the news index cold: their side column lists months and categories)."""
    from datetime import timedelta

    from news.models import NewsArticlePage

    newest = NewsArticlePage.objects.live().order_by("-published_at").first()
    article = NewsArticlePage(
        title="Công đoàn ngành Giáo dục tổng kết năm học",
        slug="cong-doan-nganh-giao-duc-tong-ket-nam-hoc",
        lead="Bài viết thử của bench: một bài mới được đăng vào bộ nhớ đệm đã đầy.",
        category=newest.category,
        published_at=newest.published_at + timedelta(minutes=1),
    )
    newest.get_parent().add_child(instance=article)
    tags = list(newest.tags.all()[:1])
    if tags:
        article.tags.add(*tags)
    article.save_revision().publish()
    return article


def purge_hit_ratio(out=sys.stdout):
    """Warm, publish one article, request every page again: {'pages', 'cached', 'hits',
    'misses', 'stale'}, 'stale' being the misses by page type."""
    from collections import Counter

    from django.db import transaction
    from django.test import Client, override_settings

    with (
        tempfile.TemporaryDirectory() as folder,
        override_settings(
            PAGE_CACHE_ENABLED=True,
            FRAGMENT_CACHE_ENABLED=True,
            PAGE_CACHE_GENERATION_FILE=str(Path(folder) / "generation"),
            ALLOWED_HOSTS=["*"],
        ),
        transaction.atomic(),
    ):
        client = Client()
        urls = every_url(client)
        for url in urls:  # twice: a second request shows whether the page is kept at all
            client.get(url)
        cached = [url for url in urls if client.get(url).get("X-Page-Cache") == "hit"]
        article = publish_one_article()
        misses = [url for url in cached if client.get(url).get("X-Page-Cache") != "hit"]
        kind = {url: _kind(url) for url in cached}
        showing = _articles_showing(article)
        unexpected = [
            url
            for url in misses
            if kind[url] in NEVER_STALE or (kind[url] == "NewsArticlePage" and url not in showing)
        ]
        transaction.set_rollback(True)
    figures = {
        "pages": len(urls),
        "cached": len(cached),
        "hits": len(cached) - len(misses),
        "misses": len(misses),
        "stale": dict(Counter(kind[url] for url in misses)),
        "cached_by_kind": dict(Counter(kind.values())),
        "unexpected": unexpected,
    }
    ratio = figures["hits"] / figures["cached"] if cached else 0.0
    print(
        f"{figures['pages']} pages, {figures['cached']} kept by the page cache; after publishing "
        f"one article {figures['hits']} still hits, {figures['misses']} rendered again "
        f"(hit ratio {ratio:.1%})",
        file=out,
    )
    for kind, count in sorted(figures["stale"].items(), key=lambda item: -item[1]):
        print(f"  rendered again: {count:4d} {kind}", file=out)
    kept = ", ".join(
        f"{figures['cached_by_kind'].get(kind, 0)} {kind}"
        for kind in (*NEVER_STALE, "NewsArticlePage")
    )
    print(f"  cached before the publish: {kept}", file=out)
    print(
        "  rendered again though they do not show the new article: "
        + (", ".join(figures["unexpected"]) or "none"),
        file=out,
    )
    return figures


# Page types that never show a newly published article (issue 20): they stay cached.
NEVER_STALE = ("ResolutionPage", "CampaignPage")


def _kind(url):
    """The page type a URL routes to ("listing" for a URL no page answers)."""
    from wagtail.models import Page

    page = Page.find_for_request(_request(url), url)
    return type(page.specific).__name__ if page else "listing"


def _articles_showing(article):
    """The URLs of the articles that show `article` among their related articles: those that
    share a tag with it."""
    from news.models import NewsArticlePage

    tags = list(article.tags.all())
    if not tags:
        return set()
    sharing = NewsArticlePage.objects.live().filter(tags__in=tags).exclude(pk=article.pk)
    return {page.url for page in sharing.distinct()}


def _request(url):
    from django.test import RequestFactory

    return RequestFactory().get(url)


def _temporary_demo_site(folder):
    site = {"DATABASE_URL": f"sqlite:///{folder}/db.sqlite3", "MEDIA_ROOT": f"{folder}/media"}
    # Loaded with the local-memory cache; measured with the cache of the environment (REDIS_URL).
    env = {**os.environ, **site, "REDIS_URL": ""}
    for command in (["migrate", "--no-input"], ["load_demo_content"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    os.environ.update(site)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--existing", action="store_true", help="use DATABASE_URL as it is")
    parser.add_argument("--json", action="store_true", help="the figures as a last JSON line")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if not args.existing:
            print("Loading the demo site into a temporary SQLite database...", file=sys.stderr)
            _temporary_demo_site(folder)
        import django

        django.setup()
        figures = purge_hit_ratio()
        if args.json:
            print(json.dumps(figures))


if __name__ == "__main__":
    main()
