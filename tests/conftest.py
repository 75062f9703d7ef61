"""Fixtures shared by every app's tests."""

import pytest
from wagtail.models import Page, Site

from home.models import HomePage


@pytest.fixture
def home_page(db):
    """The site root HomePage that migrations create."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_content(db):
    """The whole demo site, as `make run` loads it."""
    from django.core.management import call_command

    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _own_cache_generation(settings, tmp_path):
    """Each test has its own page cache generation (the default file in the checkout would be
    shared with other test runs on the machine, whose purges would look like this test's)."""
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "page-cache-generation")


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def ensure_root_site():
    """Recreate the root page, default site and locale that transactional tests flush."""
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="vi")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root")
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Trang chủ", slug="home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home
