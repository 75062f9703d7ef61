"""The sitemap lists exactly the pages a search engine should index: every live, public page
that is its own canonical and not marked noindex, and nothing else."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def indexable(url, html):
    """A page asks to be indexed: no robots noindex, and its canonical link is itself."""
    soup = BeautifulSoup(html, "html.parser")
    robots = soup.find("meta", attrs={"name": "robots"})
    if robots and "noindex" in robots.get("content", ""):
        return False
    canonical = soup.find("link", rel="canonical")
    if canonical is None:
        return False
    target = urlsplit(canonical["href"])
    return target.path + (f"?{target.query}" if target.query else "") == url


def sitemap_paths(site_crawl):
    _status, content_type, xml = site_crawl.pages["/sitemap.xml"]
    assert "xml" in content_type
    return {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", xml)}


def test_sitemap_lists_every_indexable_page_and_nothing_else(site_crawl):
    listed = sitemap_paths(site_crawl)
    pages = {url: (status, html) for url, status, html in site_crawl.html_pages()}
    indexable_pages = {
        url
        for url, (status, html) in pages.items()
        if status == 200 and "?" not in url and indexable(url, html)
    }
    assert indexable_pages - listed == set(), "indexable but missing from the sitemap"
    not_indexable = {
        url
        for url in listed
        if url not in pages or pages[url][0] != 200 or not indexable(url, pages[url][1])
    }
    assert not_indexable == set(), "in the sitemap but not an indexable page"


def test_sitemap_has_every_partner_and_every_page_type(site_crawl):
    from wagtail.models import Page

    from campaigns.models import Partner

    listed = sitemap_paths(site_crawl)
    for partner in Partner.objects.public():
        assert urlsplit(partner.get_url()).path in listed, partner.name
    for page in Page.objects.live().public().specific().exclude(depth=1):
        robots = page.specific_class.__name__
        if page.url not in listed:
            # Only pages that ask not to be indexed may be missing (e.g. the search page).
            _status, _type, html = site_crawl.pages[page.url]
            assert not indexable(page.url, html), f"{robots} {page.url}"
