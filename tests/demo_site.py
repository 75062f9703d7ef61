"""The demo site of a test process (`demo_content`; loaded as a plugin by tests/conftest.py)."""

import os

import pytest
from wagtail.models import Page, Site


class DemoSite:
    """The demo site of one test process, loaded inside a transaction that is rolled back when
    a test that does not use it comes (or at the end); each test runs in its own nested
    transaction (a savepoint), so what one test changes is gone for the next. Loading takes
    seconds: the tests that use it run after all the others (pytest_collection_modifyitems in
    tests/conftest.py), so each test process loads it once. Works the same on SQLite and
    PostgreSQL."""

    def __init__(self, django_db_blocker, tmp_path_factory):
        self.blocker = django_db_blocker
        self.tmp_path_factory = tmp_path_factory
        self.media = None  # the demo's media folder while it is loaded
        self._atomic = None
        self._kept = None  # this process's own database while the built demo's copy stands in

    def load(self):
        if self._atomic is not None:
            return
        from django.db import connection, transaction
        from django.test import override_settings

        from tests import demo_template

        built = demo_template.built()  # the run's shared demo site, built once (or None)
        media = self.tmp_path_factory.mktemp("demo-media")
        generation = self.tmp_path_factory.mktemp("demo-generation") / "page-cache-generation"
        atomic = transaction.atomic()
        with (
            self.blocker.unblock(),
            override_settings(MEDIA_ROOT=media, PAGE_CACHE_GENERATION_FILE=str(generation)),
        ):
            if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
                pytest.fail("The demo site would be loaded into a non-test database; refusing.")
            if built:
                self._kept = demo_template.kept_name()
                demo_template.replace_database(built["database"], keep_as=self._kept)
                demo_template.link_media(built["media"], media)
                self.forget_cached_rows()
            atomic.__enter__()
            if not built:
                try:
                    self._load_here()
                except BaseException:
                    transaction.set_rollback(True)
                    atomic.__exit__(None, None, None)
                    raise
        self._atomic, self.media = atomic, media

    def _load_here(self):
        from django.core.management import call_command

        with open(os.devnull, "w") as devnull:
            call_command("load_demo_content", stdout=devnull)
        self.visit_every_page()

    @staticmethod
    def forget_cached_rows():
        """This process's caches of rows that another database now stands in for."""
        from django.contrib.contenttypes.models import ContentType
        from django.core.cache import cache

        ContentType.objects.clear_cache()
        Site.clear_site_root_paths_cache()
        cache.clear()

    @staticmethod
    def visit_every_page():
        """Each live page requested once, as the first visitors after `make run` do: the
        renditions its pictures need are made here, once a process, and belong to the loaded
        site, instead of being made anew inside each test that shows them (the demo photos
        in 3 formats × 2 widths: most of these tests' CPU)."""
        from django.core.cache import cache
        from django.test import Client

        client = Client()
        for page in Page.objects.live().public().specific().exclude(depth=1):
            url = page.get_url()
            if url:
                client.get(url)
        cache.clear()

    def unload(self):
        if self._atomic is None:
            return
        from django.db import transaction

        from tests import demo_template

        atomic, self._atomic, self.media = self._atomic, None, None
        kept, self._kept = self._kept, None
        with self.blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            if kept:
                demo_template.restore(kept)
                self.forget_cached_rows()
        Site.clear_site_root_paths_cache()


DEMO_SITE = pytest.StashKey[DemoSite]()


@pytest.fixture(scope="session")
def _demo_site(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """This process's DemoSite, loaded; pytest_runtest_setup below unloads it before a test that
    does not use it and loads it again before one that does."""
    demo = DemoSite(django_db_blocker, tmp_path_factory)
    request.config.stash[DEMO_SITE] = demo
    demo.load()
    yield demo
    demo.unload()
    del request.config.stash[DEMO_SITE]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture of the test: the demo site is there for a test that uses it, and gone
    for one that does not."""
    demo = item.config.stash.get(DEMO_SITE, None)
    if demo is None:
        return
    if uses_demo(item):
        demo.load()
    else:
        demo.unload()


@pytest.fixture
def demo_content(_demo_site, db, settings):
    """The whole demo site, as `make run` loads it (shared by the tests of this process, see
    DemoSite). A fresh home page object for each test."""
    settings.MEDIA_ROOT = _demo_site.media  # the demo's images
    return Site.objects.get(is_default_site=True).root_page.specific


def uses_demo(item):
    """Whether the test uses the demo site (demo_content, the reader tests' demo_site and
    site_crawl: every fixture built on `_demo_site`)."""
    return "_demo_site" in item.fixturenames
