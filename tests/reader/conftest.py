"""The demo site as a reader meets it (tests/demo_site.py, DemoSite: loaded once per test process,
inside a transaction rolled back at the end), crawled once from the home page and the sitemap.

Every test here is marked `django_db` (so pytest-django creates the test database); each test's
own transaction is a savepoint inside the demo's."""

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

# Paths never crawled: the admin, downloads and media (not pages), the page-cache utilities.
SKIPPED_PREFIXES = ("/admin/", "/tai-lieu/", "/media/", "/static/", "/_util/", "/cms/")
# Query-string variants kept per path (filters and pages multiply otherwise).
VARIANTS_PER_PATH = 4
MAX_URLS = 400
# What a reader types into the search box, and addresses nobody links to.
EXTRA_URLS = [
    "/tim-kiem/?q=cong+doan",
    "/tim-kiem/?q=Đại+hội",
    "/tim-kiem/?q=%21%21%21",
    "/tim-kiem/?q=",
    "/khong-co-trang-nay/",
]


@dataclass
class Crawl:
    pages: dict = field(default_factory=dict)  # url -> (status, content type, text)
    links: dict = field(default_factory=dict)  # url -> the first page linking to it

    def html_pages(self):
        for url, (status, content_type, text) in self.pages.items():
            if content_type.startswith("text/html"):
                yield url, status, text


def crawl(client, start_urls):
    """Breadth-first over every internal link of the site (same host, not the admin)."""
    result = Crawl()
    queue = list(start_urls)
    seen = set(queue)
    per_path = Counter()
    while queue and len(result.pages) < MAX_URLS:
        url = queue.pop(0)
        response = client.get(url, follow=False)
        content_type = response.get("Content-Type", "")
        if response.status_code in (301, 302, 303, 307, 308):
            target = urlsplit(urljoin(url, response["Location"]))
            next_url = target.path + (f"?{target.query}" if target.query else "")
            if not target.netloc or target.netloc in ("testserver", "localhost"):
                if next_url not in seen:
                    seen.add(next_url)
                    queue.append(next_url)
            continue
        body = b"".join(response) if response.streaming else response.content
        text = body.decode(response.charset or "utf-8", errors="replace")
        result.pages[url] = (response.status_code, content_type, text)
        if not content_type.startswith("text/html"):
            continue
        soup = BeautifulSoup(text, "html.parser")
        for tag in soup.find_all(["a", "link"], href=True):
            if tag.name == "link" and "alternate" not in (tag.get("rel") or []):
                continue
            target = urlsplit(urljoin("http://testserver" + url, tag["href"]))
            if target.scheme not in ("http", "https") or target.netloc not in (
                "testserver",
                "localhost",
            ):
                continue
            path = target.path
            if path.startswith(SKIPPED_PREFIXES):
                continue
            next_url = path + (f"?{target.query}" if target.query else "")
            if next_url in seen:
                continue
            if target.query:
                per_path[path] += 1
                if per_path[path] > VARIANTS_PER_PATH:
                    continue
            seen.add(next_url)
            result.links[next_url] = url
            queue.append(next_url)
    return result


@pytest.fixture
def demo_site(_demo_site, db, settings):
    """The demo content's default site; the demo's media are this test's."""
    from wagtail.models import Site

    settings.MEDIA_ROOT = _demo_site.media
    return Site.objects.get(is_default_site=True)


@pytest.fixture(scope="package")
def site_crawl(_demo_site, django_db_blocker):
    """Every public page reachable from the home page, the sitemap and every live page. What the
    renders store (renditions, the chrome) is rolled back after the crawl."""
    from django.core.cache import cache
    from django.db import transaction
    from django.test import Client, override_settings
    from wagtail.models import Page

    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=_demo_site.media),
        transaction.atomic(),
    ):
        cache.clear()
        client = Client(HTTP_ACCEPT_LANGUAGE="vi")
        starts = ["/", "/sitemap.xml", "/robots.txt"]
        for page in Page.objects.live().public().specific().exclude(depth=1):
            url = page.get_url()
            if url and url not in starts:
                starts.append(url)
        sitemap = client.get("/sitemap.xml").content.decode()
        for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap):
            path = urlsplit(loc).path
            if path not in starts:
                starts.append(path)
        result = crawl(client, starts + EXTRA_URLS)
        transaction.set_rollback(True)
    cache.clear()
    return result
