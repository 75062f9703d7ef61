"""Fixtures shared by every app's tests."""

import os
from pathlib import Path

import pytest
from wagtail.models import Page, Site

from home.models import HomePage


def fastest_image_encoders():
    """AVIF and WebP renditions encoded at their encoders' fastest setting (same formats, sizes
    and markup; larger files). At the default settings encoding was a quarter of the suite's CPU:
    every test that renders a picture makes its renditions anew (its database rows are rolled
    back), 3 AVIF files each (40 ms for a 640 px test image, 100 ms for a 1200 px demo photo).
    Registered through Pillow's public plugin registry, for this test process only."""
    from PIL import Image

    Image.init()

    def with_defaults(save, **defaults):
        def fast_save(image, fp, filename):
            for name, value in defaults.items():
                image.encoderinfo.setdefault(name, value)
            return save(image, fp, filename)

        return fast_save

    for fmt, defaults in {"AVIF": {"speed": 10}, "WEBP": {"method": 0}}.items():
        if fmt in Image.SAVE:
            Image.register_save(fmt, with_defaults(Image.SAVE[fmt], **defaults))


def remembered_renditions(limit=1000):
    """A rendition's pixels are made once per test process for each source image, filter and
    focal point: the next test that asks for the same rendition of the same picture (its rows and
    files are gone with the test's transaction and media folder) gets the same bytes, and its
    rendition row and file are made as before, through Wagtail. The tests build their pictures
    from a few drawn images (home.factories.drawn_image_file, the demo's photos), so most
    renditions of a run are the same few dozen, encoded anew in test after test. The key holds
    everything the pixels depend on: the source's bytes, the filter, the focal point and size,
    the source's name (the rendition's file name comes from it) and the WAGTAILIMAGES_ settings
    (formats, qualities). Wrapped here, for this test process only."""
    import hashlib
    from io import BytesIO

    from django.conf import settings
    from django.core.files import File
    from wagtail.images.models import AbstractImage

    generate = AbstractImage.generate_rendition_file
    made = {}

    def source_bytes(image, source):
        if source is None:
            with image.open_file() as opened:
                return opened.read()
        source.seek(0)
        data = source.read()
        source.seek(0)
        return data

    def image_settings():
        overrides = vars(settings._wrapped).items()  # the test's overrides, the rest is fixed
        return repr(sorted((name, value) for name, value in overrides if "WAGTAILIMAGES" in name))

    def generate_rendition_file(self, filter, *, source=None):
        data = source_bytes(self, source)
        key = (
            hashlib.sha256(data).digest(),
            filter.spec,
            filter.get_cache_key(self),
            (self.width, self.height),
            (self.focal_point_x, self.focal_point_y),
            (self.focal_point_width, self.focal_point_height),
            self.file.name,
            image_settings(),
        )
        if key not in made:
            file = generate(self, filter, source=File(BytesIO(data), name=self.file.name))
            file.seek(0)
            if len(made) >= limit:
                made.clear()
            made[key] = (file.name, file.read())
        name, content = made[key]
        return File(BytesIO(content), name=name)

    AbstractImage.generate_rendition_file = generate_rendition_file


def flush_by_delete_on_postgresql():
    """A transactional test's database is emptied with DELETE instead of TRUNCATE on PostgreSQL
    (Django's flush after each `django_db(transaction=True)` test). TRUNCATE gives each of the
    111 tables and their indexes new files, written to disk at commit: 0.6 s of the server's
    time idle, 2.4 to 3.6 s on a busy machine, for tables that hold a few rows after a test;
    DELETE of the same rows took 0.4 s there. Every foreign key of the schema is deferrable (as
    Django makes them): checked at commit, when every table is empty. The tables end the same;
    this test process only."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if not tables or reset_sequences or allow_cascade:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        deletes = [f"{style.SQL_KEYWORD('DELETE FROM')} {self.quote_name(t)};" for t in tables]
        return ["SET CONSTRAINTS ALL DEFERRED;", *deletes]

    DatabaseOperations.sql_flush = sql_flush


def pytest_configure(config):
    """The admin's Vietnamese is compiled from locale/*.po (`make messages`); a test run started
    without make compiles the stale catalogues itself, once, before any worker starts."""
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


# SQLite: each test process's database is a copy of one migrated file (SQLITE_TEST_TEMPLATE, made
# by .ci/run beside the checks) instead of migrated anew by every process, as TEST_DB_TEMPLATE
# does on PostgreSQL (portal/settings/test.py). The copies are made beside the template (CI keeps
# it in memory, in /dev/shm) and deleted at the end.
SQLITE_TEST_TEMPLATE = os.environ.get("SQLITE_TEST_TEMPLATE")


def _sqlite_template_in_use():
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    return bool(SQLITE_TEST_TEMPLATE) and engine == "django.db.backends.sqlite3"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """Point this process's SQLite test database at its own copy of the migrated template."""
    if not _sqlite_template_in_use():
        return
    import shutil
    from functools import partial

    from django.conf import settings

    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    copy = Path(SQLITE_TEST_TEMPLATE).with_name(f"test-{os.getpid()}-{worker}.sqlite3")
    shutil.copyfile(SQLITE_TEST_TEMPLATE, copy)
    for end in ("", "-wal", "-shm"):
        request.addfinalizer(partial(Path(f"{copy}{end}").unlink, missing_ok=True))
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = str(copy)


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    """The template's copy is kept as it is (only migrations it lacks are applied), not made
    anew; the finalizer above deletes it."""
    return bool(request.config.getvalue("reuse_db")) or _sqlite_template_in_use()


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


class DemoSite:
    """The demo site of one test process, loaded inside a transaction that is rolled back when
    a test that does not use it comes (or at the end); each test runs in its own nested
    transaction (a savepoint), so what one test changes is gone for the next. Loading takes
    seconds: the tests that use it run after all the others (pytest_collection_modifyitems
    below), so each test process loads it once. Works the same on SQLite and PostgreSQL."""

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
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale

    # A flush recreates the content types under new ids; this process's cache still holds the
    # old ones (a page built with them fails validation: "content type id 1 is not valid").
    ContentType.objects.clear_cache()
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


BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def uses_demo(item):
    """Whether the test uses the demo site (demo_content, the reader tests' demo_site and
    site_crawl: every fixture built on `_demo_site`)."""
    return "_demo_site" in item.fixturenames


def package_of(item):
    return item.nodeid.split("::")[0].rsplit("/", 1)[0]


def pytest_collection_modifyitems(config, items):
    """Everything under tests/browser/ is a browser test, marked or not: CI runs those once (on
    PostgreSQL) and the rest on both databases, selected with `-m browser` / `-m "not browser"`.

    The tests that use the demo site (`_demo_site`: demo_content, the reader tests' demo_site and
    site_crawl) run after all the others, package by package: each test process loads it once
    (pytest-xdist hands each worker tests in this order). Whatever the order, a test that does
    not use it never sees it (DemoSite, pytest_runtest_setup)."""
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
