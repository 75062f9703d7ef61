"""The demo site as a reader meets it: loaded once for this test package (loading takes seconds),
inside a transaction rolled back at the end, and crawled once from the home page and the sitemap.

Every test here is marked `django_db` (so pytest-django creates the test database); each test's
own transaction is a savepoint inside the package's."""

import os
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


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once for the package and rolled back after it."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings
    from wagtail.models import Collection, Site

    from tests.conftest import ensure_root_site

    media_root = tmp_path_factory.mktemp("reader-media")
    with override_settings(MEDIA_ROOT=media_root), django_db_blocker.unblock():
        from django.db import connection

        if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
            pytest.fail("The demo site would be loaded into a non-test database; refusing.")
        with transaction.atomic():
            ensure_root_site()
            if Collection.get_first_root_node() is None:
                Collection.add_root(name="Root")
            with open(os.devnull, "w") as devnull:
                call_command("load_demo_content", stdout=devnull)
            Site.clear_site_root_paths_cache()
            yield Site.objects.get(is_default_site=True)
            transaction.set_rollback(True)
    Site.clear_site_root_paths_cache()


@pytest.fixture(autouse=True)
def _media_root():
    """Overrides the per-test MEDIA_ROOT of tests/conftest.py: the package's media stay put."""


@pytest.fixture(scope="package")
def site_crawl(demo_site, django_db_blocker):
    """Every public page reachable from the home page, the sitemap and every live page."""
    from django.core.cache import cache
    from django.test import Client
    from wagtail.models import Page

    with django_db_blocker.unblock():
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
        return crawl(client, starts + EXTRA_URLS)
