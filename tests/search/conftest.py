"""Helpers for the search tests: pages of the real types, published and indexed."""

import pytest
from wagtail.models import Page


@pytest.fixture(scope="module")
def search_media(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _media_root(settings, search_media):
    """One media folder per module: the demo's images must outlive a single test."""
    settings.MEDIA_ROOT = search_media


@pytest.fixture
def demo(demo_content):
    """The demo site (shared by the tests of this process: tests/demo_site.py, DemoSite)."""
    return demo_content


@pytest.fixture
def add_page(home_page):
    """Publish a child page (any type, plain Page by default) under `parent` (default: home).
    With `revision=False` the page is added as it is (live or not), without a revision: a third
    of a publish's cost, for tests that only need many pages to be found."""

    def add(title, parent=None, page_class=Page, live=True, revision=True, **fields):
        parent = parent or home_page
        page = page_class(title=title, live=live, **fields)
        parent.add_child(instance=page)
        if not revision:
            return page
        if live:
            page.save_revision().publish()
        else:
            page.save_revision()
        return page

    return add


@pytest.fixture
def add_article(add_page, demo):
    """Publish a news article (in the demo's news index and first article's category)."""
    from news.models import NewsArticlePage, NewsIndexPage

    index = NewsIndexPage.objects.first()
    category = NewsArticlePage.objects.first().category

    def add(title, lead="Tin ngắn của Công đoàn Viên chức.", **fields):
        return add_page(
            title, parent=index, page_class=NewsArticlePage, lead=lead, category=category, **fields
        )

    return add
