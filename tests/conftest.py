"""Fixtures shared by every app's tests. The test databases (tests/databases.py) and the demo
site (tests/demo_site.py) are plugins of their own; the image speed-ups are tests/renditions.py."""

from pathlib import Path

import pytest
from wagtail.models import Site

# The plugins' functions are imported inside the hooks below: a plugin module imported before
# pytest loads it would not have its assertions rewritten (PytestAssertRewriteWarning).
pytest_plugins = ["tests.databases", "tests.demo_site"]


def pytest_configure(config):
    """The admin's Vietnamese is compiled from locale/*.po (`make messages`); a test run started
    without make compiles the stale catalogues itself, once, before any worker starts."""
    from tests.databases import flush_by_delete_on_postgresql
    from tests.renditions import fastest_image_encoders, remembered_renditions

    fastest_image_encoders()
    remembered_renditions()
    flush_by_delete_on_postgresql()
    from tests import demo_template

    demo_template.configure(config)
    if hasattr(config, "workerinput"):
        return
    from django.conf import settings

    from editorial.catalogues import compile_stale_catalogues

    compile_stale_catalogues(settings.LOCALE_PATHS)


@pytest.fixture
def home_page(db):
    """The site root HomePage that migrations create."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


# Sections and snippets the tests of several apps build on, one fixture each, made by the apps'
# factories: {factory: {fixture name: its fields}}. A section is published under the home page.
SHARED_SECTIONS = {
    "news.factories.NewsIndexPageFactory": {"news_index": {"page_size": 10}},
    "resolutions.factories.DocumentLibraryPageFactory": {"library": {}},
}
SHARED_SNIPPETS = {
    "news.factories.NewsCategoryFactory": {
        "union_category": {"name": "Hoạt động Công đoàn", "slug": "hoat-dong-cong-doan"},
        "policy_category": {"name": "Chính sách – Pháp luật", "slug": "chinh-sach-phap-luat"},
    },
    "resolutions.factories.IssuingBodyFactory": {
        "politburo": {"name": "Bộ Chính trị", "short_name": "BCT"},
        # Made by the migration resolutions/0004: found, not created (get or create by name).
        "confederation": {"name": "Tổng Liên đoàn Lao động Việt Nam", "short_name": "TLĐ"},
    },
}


def _built_by(dotted_factory, fields, under_home):
    def build(request, db):
        from django.utils.module_loading import import_string

        parent = {"parent": request.getfixturevalue("home_page")} if under_home else {}
        return import_string(dotted_factory)(**parent, **fields)

    return pytest.fixture(build)


for _shared, _under_home in ((SHARED_SECTIONS, True), (SHARED_SNIPPETS, False)):
    for _factory, _fixtures in _shared.items():
        for _name, _fields in _fixtures.items():
            globals()[_name] = _built_by(_factory, _fields, under_home=_under_home)


@pytest.fixture
def image(db):
    """A landscape photo in the image library."""
    from home.factories import ImageFactory, drawn_image_file

    return ImageFactory(
        title="Ảnh hội nghị", file=drawn_image_file("hoi-nghi.png", size=(640, 360))
    )


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


BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def package_of(item):
    return item.nodeid.split("::")[0].rsplit("/", 1)[0]


def pytest_collection_modifyitems(config, items):
    """Everything under tests/browser/ is a browser test, marked or not: CI runs those once (on
    PostgreSQL) and the rest on both databases, selected with `-m browser` / `-m "not browser"`.

    The tests that use the demo site (`_demo_site`: demo_content, the reader tests' demo_site and
    site_crawl) run after all the others, package by package: each test process loads it once
    (pytest-xdist hands each worker tests in this order). Whatever the order, a test that does
    not use it never sees it (DemoSite, pytest_runtest_setup)."""
    from tests.demo_site import uses_demo

    for item in items:
        if item.path.is_relative_to(BROWSER_TESTS) and "browser" not in item.keywords:
            item.add_marker(pytest.mark.browser)
    first = {}
    for position, item in enumerate(items):
        first.setdefault(package_of(item), position)
        first.setdefault(item.nodeid.split("::")[0], position)
    # Transactional tests still run after all the others (as pytest-django orders them): their
    # teardown flushes the database, root page and default site included.
    if any(uses_demo(item) or "site_server" in item.fixturenames for item in items):
        from tests import demo_template

        demo_template.start()  # the run's shared demo site, built while the other tests run
    items[:] = sorted(
        items,
        key=lambda item: (
            is_transactional(item),
            uses_demo(item),
            first[package_of(item)],
            first[item.nodeid.split("::")[0]],
        ),
    )


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return "transactional_db" in item.fixturenames or "live_server" in item.fixturenames
