"""Real-browser journeys: Playwright for Python driving Debian's Chromium against a live server.

One live server and one demo site serve the whole browser session (loading the demo content
takes seconds; doing it once keeps the suite fast). The data is committed to the test database,
so these tests deliberately use no `db`/`live_server` fixture: pytest-django orders them after
every database test, and the test database is thrown away at the end of the run. Each test gets
database access (for the few ORM look-ups and set-ups it does) through `django_db_blocker`.

Chromium comes from the system (`apt-get install -y chromium`); nothing is downloaded. Without
it the tests are skipped on a laptop and fail in CI (`CI` set), where they must run.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a thread
# with a running loop unless told that it is fine (it is: the loop belongs to Playwright).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
INSTALL_HINT = (
    "Chromium is needed for the browser tests and was not found. Install it with "
    "`sudo apt-get install -y chromium-headless-shell` (Debian/Ubuntu; or `chromium`), or point "
    "CHROMIUM at a Chromium binary."
)
# How long a test waits for what it expects (an element, a text, an address) and for each action
# and page load: generous, because a busy machine (CI beside other work) can make a server answer
# take seconds; a passing test never waits them out.
EXPECT_TIMEOUT_MS = 20_000
ACTION_TIMEOUT_MS = 20_000
NAVIGATION_TIMEOUT_MS = 30_000

VIEWPORTS = {
    "phone": {
        "viewport": {"width": 360, "height": 740},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    },
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}
# One page of each public type in the demo site, by name; the video page is added by the
# `sample_video` fixture (the demo has none).
DEMO_PAGES = {
    "home": "/",
    "news index": "/tin-tuc/",
    "article": "/tin-tuc/hoi-nghi-lan-thu-4-ban-chap-hanh-tong-lien-doan-khoa-xiii/",
    "library": "/van-ban/",
    "document": "/van-ban/nghi-quyet-02-nq-tw/",
    "congress": "/van-ban/dai-hoi-xiii/",
    "campaign index": "/chien-dich/",
    "campaign": "/chien-dich/95-nam-cong-doan-viet-nam/",
    "partner programme": "/vi-phuc-loi-doan-vien/",
    "sign-up": "/dang-ky-doan-vien/",
    "search": "/tim-kiem/?q=cong+doan",
    "content": "/gioi-thieu/",
    "content-child": "/gioi-thieu/lich-su/",
    "leadership": "/gioi-thieu/ban-chap-hanh/",
    "contact": "/lien-he/",
    "form": "/dang-ky-cuoc-thi-truc-tuyen/",
    "gallery": "/thu-vien-anh-video/",
    "album": "/thu-vien-anh-video/dai-hoi-vi-cong-doan-vien-chuc-viet-nam/",
    "video": "/thu-vien-anh-video/video-hoi-thao-mau/",
    "legal": "/tu-van-phap-luat/",
    "legal-topic": "/tu-van-phap-luat/bao-hiem-xa-hoi/",
}

# The forms' time trap (WEBFORMS_MIN_FILL_SECONDS, REGISTRY_MIN_FILL_SECONDS: 2 s) is on in the
# browser tests' server, shorter: each form sent waits it out (wait_out_the_time_trap); 11
# waits of 2.1 s were 23 s of the workers' time. The trap's refusals are tested in
# tests/webforms, tests/legal and tests/campaigns.
TIME_TRAP_SECONDS = 0.5

EDITOR_USERNAME = "bientap"
EDITOR_PASSWORD = "mat-khau-bien-tap-2024"


def chromium_path():
    """Debian's headless shell first (the build Playwright itself runs headless: without the
    browser's window layer, it took a fifth less CPU than the full Chromium over the admin
    screens), then the full Chromium."""
    candidates = [
        os.environ.get("CHROMIUM"),
        "/usr/lib/chromium/chromium-headless-shell",
        shutil.which("chromium-headless-shell"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        "/usr/bin/chromium",
    ]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(INSTALL_HINT + " (CI is set, so the browser tests must run.)")
        pytest.skip(INSTALL_HINT)
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_server(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """A live server with the demo site and an editor account, shared by the session."""
    from django.test import override_settings
    from pytest_django.live_server_helper import LiveServer

    media_root = tmp_path_factory.mktemp("browser-media")
    with django_db_blocker.unblock():
        created = ensure_test_database(request)
    try:
        with override_settings(
            MEDIA_ROOT=media_root,
            WEBFORMS_MIN_FILL_SECONDS=TIME_TRAP_SECONDS,
            REGISTRY_MIN_FILL_SECONDS=TIME_TRAP_SECONDS,
        ):
            with django_db_blocker.unblock():
                prepare_demo_site(media_root)
            server = LiveServer("localhost:0")
            with django_db_blocker.unblock():
                match_site_to(server)
            try:
                yield server
            finally:
                server.stop()
    finally:
        if created is not None:
            from django.test.utils import teardown_databases

            with django_db_blocker.unblock():
                teardown_databases(created, verbosity=0)


def ensure_test_database(request):
    """pytest-django creates test databases only for tests that ask for `db`; these do not
    (see the module docstring). When nothing else did, create it here. Never touch a database
    that is not a test database."""
    from django.db import connection
    from django.test.utils import setup_databases

    created = None
    if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
        created = setup_databases(
            verbosity=0, interactive=False, aliases={"default"}, serialized_aliases=set()
        )
    if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
        pytest.fail("The browser tests would run against a non-test database; refusing.")
    return created


def prepare_demo_site(media_root):
    """The demo content and an editor: a copy of the run's built demo site (tests/demo_template)
    where there is one, else loaded here after recreating what earlier transactional tests
    flushed."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from wagtail.models import Collection

    from tests import demo_template
    from tests.databases import ensure_root_site
    from tests.demo_site import DemoSite

    built = demo_template.built()
    if built:
        demo_template.replace_database(built["database"])
        demo_template.link_media(built["media"], media_root)
        DemoSite.forget_cached_rows()
    else:
        ensure_root_site()
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")
        with open(os.devnull, "w") as devnull:
            call_command("load_demo_content", stdout=devnull)
    User = get_user_model()
    if not User.objects.filter(username=EDITOR_USERNAME).exists():
        User.objects.create_superuser(EDITOR_USERNAME, "bientap@example.vn", EDITOR_PASSWORD)


def match_site_to(server):
    """Absolute links (feeds, canonical, sharing) point at the live server."""
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(
        hostname=server.thread.host, port=server.thread.port
    )
    Site.clear_site_root_paths_cache()


@pytest.fixture(autouse=True)
def _media_root():
    """Overrides the per-test MEDIA_ROOT of tests/conftest.py: the server's media stay put."""


@pytest.fixture(autouse=True)
def _browser_db_access(django_db_blocker):
    """The live server's threads and the test itself may use the (committed) test database."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def sample_video():
    """A YouTube video page in the demo library (the demo itself has none)."""
    from gallery.models import GalleryIndexPage, VideoPage

    index = GalleryIndexPage.objects.get(slug="thu-vien-anh-video")
    if not VideoPage.objects.filter(slug="video-hoi-thao-mau").exists():
        video = VideoPage(
            title="Video hội thao (mẫu)",
            slug="video-hoi-thao-mau",
            intro="Video mẫu để kiểm thử.",
            youtube_url="https://www.youtube.com/watch?v=abcdefghijk",
        )
        index.add_child(instance=video)
        video.save_revision().publish()
    return DEMO_PAGES["video"]


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return request.param


def wait_out_the_time_trap(page):
    """Wait as a person would before sending a form: until the page has been shown for longer
    than its time trap, counted from when its answer began to arrive (the form's token was signed
    before that). Not a fixed pause: a form that took that long to fill is sent at once."""
    page.wait_for_function(
        """(ms) => {
            const [navigation] = performance.getEntriesByType("navigation");
            return performance.now() - navigation.responseStart > ms;
        }""",
        arg=TIME_TRAP_SECONDS * 1000 + 150,
        polling=50,
    )


class PageWatcher:
    """Collects what must never happen on a page: CSP violations, script errors, dialogs."""

    def __init__(self):
        self.csp_errors = []
        self.page_errors = []
        self.dialogs = []

    def on_console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.csp_errors.append(f"{message.type}: {message.text}")

    def on_page_error(self, error):
        self.page_errors.append(str(error))

    def on_dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        if dialog.type == "beforeunload":
            dialog.accept()
        else:
            dialog.dismiss()


@pytest.fixture
def watcher():
    return PageWatcher()


@pytest.fixture
def context(browser, site_server, viewport):
    context = browser.new_context(
        base_url=site_server.url,
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        **VIEWPORTS[viewport],
    )
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context, watcher):
    page = context.new_page()
    page.on("console", watcher.on_console)
    page.on("pageerror", watcher.on_page_error)
    page.on("dialog", watcher.on_dialog)
    yield page
    assert not watcher.csp_errors, "Content Security Policy violations:\n" + "\n".join(
        watcher.csp_errors
    )
    assert not watcher.page_errors, "JavaScript errors:\n" + "\n".join(watcher.page_errors)
    unexpected = [d for d in watcher.dialogs if not d.startswith("beforeunload")]
    assert not unexpected, f"Unexpected dialogs: {unexpected}"


# --- Accessibility (axe-core, bundled by the axe-playwright-python package) -------------------


def run_axe(page, label):
    """Run axe-core in the page and fail on serious or critical violations.

    The script goes in through Playwright's evaluate (DevTools protocol), which the page's CSP
    does not apply to, so axe runs under the site's real, strict policy.
    """
    from axe_playwright_python.base import AXE_SCRIPT

    page.evaluate(AXE_SCRIPT)
    results = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return {
                engine: r.testEngine.name,
                version: r.testEngine.version,
                passes: r.passes.length,
                violations: r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
                })),
            };
        }"""
    )
    assert results["engine"] == "axe-core", "axe-core did not run"
    assert results["passes"] > 10, f"axe-core checked almost nothing on {label}: {results}"
    bad = [v for v in results["violations"] if v["impact"] in {"serious", "critical"}]
    assert not bad, f"Accessibility violations on {label}:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in bad
    )
    return results


@pytest.fixture
def axe():
    return run_axe
