"""Run by bench/run.py inside the benchmark's environment (production settings, the bench
database). Prints one JSON object: the URLs to load-test, and per URL the HTML bytes and the SQL
queries of one request (page cache off, then a cache hit), counted with CaptureQueriesContext;
plus the home page's weight (HTML + CSS + JS) and how much content there is. SQL is counted
three ways: cold (page and fragment caches off), uncached (page cache off, fragments remembered
from an earlier request of this generation: portal/pagecache/memo.py) and on a page cache hit."""

import gzip
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles.storage import staticfiles_storage  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.templatetags.static import static  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402


def first_url(model_path, order="pk", middle=False):
    from django.apps import apps

    try:
        model = apps.get_model(model_path)
    except LookupError:
        return None
    queryset = model.objects.live().public().order_by(order)
    if middle:
        count = queryset.count()
        page = queryset[count // 2] if count else None
    else:
        page = queryset.first()
    return page.url if page else None


def category_url():
    from django.apps import apps

    try:
        category = apps.get_model("news.NewsCategory").objects.order_by("pk").first()
    except LookupError:
        return None
    index = first_url("news.NewsIndexPage")
    return f"{index}chuyen-muc/{category.slug}/" if category and index else None


def tag_url():
    """The news tag with the most articles (the one whose page grows most with the archive)."""
    from django.apps import apps
    from django.db.models import Count

    try:
        tags = apps.get_model("news.NewsArticleTag").objects.values("tag__slug")
    except LookupError:
        return None
    top = tags.annotate(n=Count("pk")).order_by("-n", "tag__slug").first()
    index = first_url("news.NewsIndexPage")
    return f"{index}the/{top['tag__slug']}/" if top and index else None


def month_url():
    """The newest month of the news archive."""
    from django.apps import apps

    try:
        article = apps.get_model("news.NewsArticlePage").objects.live().order_by("-published_at")
    except LookupError:
        return None
    newest = article.exclude(published_month=None).first()
    index = first_url("news.NewsIndexPage")
    if newest is None or not index:
        return None
    return f"{index}{newest.published_month:%Y/%m}/"


def urls():
    found = {
        "home": "/",
        "news index": first_url("news.NewsIndexPage"),
        "article": first_url("news.NewsArticlePage", middle=True),
        "category": category_url(),
        "tag": tag_url(),
        "month": month_url(),
        "library": first_url("resolutions.DocumentLibraryPage"),
        "document": first_url("resolutions.ResolutionPage", middle=True),
        "campaign": first_url("campaigns.CampaignPage"),
        "search": "/tim-kiem/?q=cong+doan",
        "static": static("css/site.css"),
    }
    return {name: url for name, url in found.items() if url}


def measure(client, url):
    cache.clear()
    with override_settings(PAGE_CACHE_ENABLED=False, FRAGMENT_CACHE_ENABLED=False):
        with CaptureQueriesContext(connection) as cold:
            client.get(url)
    cold_queries = len(cold)
    with override_settings(PAGE_CACHE_ENABLED=False):
        client.get(url)  # fills the fragment cache
        with CaptureQueriesContext(connection) as uncached:
            response = client.get(url)
    uncached_queries = len(uncached)  # now: the next request resets the query log
    cache.clear()
    client.get(url)
    with CaptureQueriesContext(connection) as cached:
        hit = client.get(url)
    cached_queries = len(cached)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return {
        "status": response.status_code,
        "bytes": len(body),
        "cold_queries": cold_queries,
        "queries": uncached_queries,
        "cached_queries": cached_queries,
        "cache": hit.headers.get("X-Page-Cache", ""),
    }


def home_weight(client):
    html = client.get("/").content
    assets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(
        rb'<script[^>]+src="([^"]+)"', html
    )
    total = len(html)
    gz = len(gzip.compress(html))
    third_party = []
    for asset in assets:
        url = asset.decode()
        if url.startswith(("http:", "https:", "//")):
            third_party.append(url)
            continue
        name = url.removeprefix(settings.STATIC_URL)
        with staticfiles_storage.open(name) as handle:
            data = handle.read()
        total += len(data)
        gz += len(gzip.compress(data))
    return {"bytes": total, "gzip_bytes": gz, "assets": len(assets), "third_party": third_party}


def counts():
    from django.apps import apps

    result = {}
    for label, model in (
        ("articles", "news.NewsArticlePage"),
        ("documents", "resolutions.ResolutionPage"),
    ):
        try:
            result[label] = apps.get_model(model).objects.count()
        except LookupError:
            result[label] = 0
    return result


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    # The same pages at every size (bench/run.py passes the first size's URLs on): a page's cost
    # is compared with itself as the content around it grows.
    fixed = os.environ.get("BENCH_URLS")
    found = json.loads(fixed) if fixed else urls()
    report = {
        "urls": found,
        "pages": {name: measure(client, url) for name, url in found.items()},
        "home": home_weight(client),
        "counts": counts(),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
