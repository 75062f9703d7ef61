"""The first screen of a phone (360×740) belongs to the content: on every page type the page's
h1 is visible without scrolling, nothing is wider than the screen, and the menu is a button that
opens every item without JavaScript."""

import io

import pytest
from playwright.sync_api import expect

from .conftest import DEMO_PAGES, VIEWPORTS

pytestmark = pytest.mark.browser

PHONE = VIEWPORTS["phone"]
HEIGHT = PHONE["viewport"]["height"]
WIDTH = PHONE["viewport"]["width"]


@pytest.fixture
def phone(browser, site_server, watcher):
    context = browser.new_context(base_url=site_server.url, locale="vi-VN", **PHONE)
    page = context.new_page()
    page.on("console", watcher.on_console)
    yield page
    context.close()
    assert not watcher.csp_errors, watcher.csp_errors


@pytest.mark.parametrize("name", list(DEMO_PAGES))
def test_the_h1_is_on_the_first_screen(phone, name, sample_video):
    from PIL import Image

    response = phone.goto(DEMO_PAGES[name])
    assert response.status == 200
    box = phone.locator("main h1").first.bounding_box()
    assert box is not None, f"{name}: no h1"
    if box["width"] <= 2:
        # The home page's h1 is for screen readers (the brand says it); its first section's
        # heading is what must show on the first screen.
        box = phone.locator("main h2").first.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT, f"{name}: h1 ends at {box}"
    header = phone.locator(".site-header").bounding_box()
    assert header["height"] <= HEIGHT * 0.3, f"{name}: header {header['height']} px tall"
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH, name
    # What the reader sees above the fold: the h1's area of the screenshot is drawn text
    # (several colours), not covered by the header or the banner.
    shot = Image.open(io.BytesIO(phone.screenshot())).convert("RGB")
    scale = shot.width / WIDTH
    area = shot.crop(
        tuple(
            round(v * scale)
            for v in (box["x"], box["y"], box["x"] + box["width"], box["y"] + box["height"])
        )
    )
    assert len(area.getcolors(maxcolors=1 << 16) or []) > 8, f"{name}: the h1 is not drawn"
    top = phone.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('h1, h2') !== null",
        [box["x"] + 4, box["y"] + box["height"] / 2],
    )
    assert top, f"{name}: something covers the h1"


def test_the_phone_menu_opens_without_javascript(browser, site_server):
    context = browser.new_context(base_url=site_server.url, java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto("/van-ban/")
    menu = page.locator("details.phone-menu")
    links = menu.locator(".phone-menu__list a")
    expect(links.first).to_be_hidden()
    expect(page.locator(".main-nav__list")).to_be_hidden()
    menu.locator("summary").click()
    count = links.count()
    assert count >= 4
    for index in range(count):
        link = links.nth(index)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["height"] >= 40 and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH
    expect(menu.locator('a[aria-current="page"]')).to_have_text("Văn bản")
    context.close()


def test_wide_screens_keep_the_menu_row(browser, site_server):
    context = browser.new_context(base_url=site_server.url, **VIEWPORTS["desktop"])
    page = context.new_page()
    page.goto("/")
    expect(page.locator(".main-nav__list a").first).to_be_visible()
    expect(page.locator("details.phone-menu")).to_be_hidden()
    context.close()
