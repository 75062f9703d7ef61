"""Helpers for the search tests: pages of the real types, published and indexed."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page, Site


@pytest.fixture(scope="module")
def search_media(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _media_root(settings, search_media):
    """One media folder per module: the demo's images must outlive a single test."""
    settings.MEDIA_ROOT = search_media


@pytest.fixture(scope="module")
def search_demo(django_db_setup, django_db_blocker, search_media):
    """The demo site, loaded once per test module (it takes seconds) inside a transaction that
    is rolled back afterwards; each test still runs in its own nested transaction."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=search_media):
        with transaction.atomic():
            call_command("load_demo_content", stdout=open("/dev/null", "w"))
            yield Site.objects.get(is_default_site=True).root_page.specific
            transaction.set_rollback(True)


@pytest.fixture
def demo(search_demo, db):
    return search_demo


@pytest.fixture
def add_page(home_page):
    """Publish a child page (any type, plain Page by default) under `parent` (default: home)."""

    def add(title, parent=None, page_class=Page, live=True, **fields):
        parent = parent or home_page
        page = page_class(title=title, live=live, **fields)
        parent.add_child(instance=page)
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
