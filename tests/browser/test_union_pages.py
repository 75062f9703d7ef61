"""The union's ordinary pages in a real browser, on a phone and a desktop: content pages, the
leadership page, the contact page, an editor-built form, the photo and video library. Each is
checked with axe-core (no serious or critical violation) under the strict CSP; the album viewer
is used with the keyboard only; a video loads nothing from YouTube before the click."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import DEMO_PAGES, wait_out_the_time_trap

pytestmark = pytest.mark.browser

# The union's ordinary pages among the demo's pages.
UNION_PAGES = (
    "content",
    "content-child",
    "leadership",
    "contact",
    "form",
    "gallery",
    "album",
    "video",
    "legal",
    "legal-topic",
)


@pytest.mark.parametrize("name", UNION_PAGES)
def test_union_pages_are_accessible(page, axe, viewport, name, sample_video):
    response = page.goto(DEMO_PAGES[name])
    assert response.status == 200, name
    expect(page.locator("h1")).to_be_visible()
    axe(page, f"the {name} page ({viewport})")


def test_the_album_viewer_works_with_the_keyboard(page, viewport):
    page.goto(DEMO_PAGES["album"])
    links = page.locator("[data-album-photo]")
    count = links.count()
    assert count >= 2
    # Tab from the heading until the first photo has the focus, as a keyboard user would.
    page.locator("h1").click()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-album-photo')"):
            break
    assert page.evaluate("document.activeElement.hasAttribute('data-album-photo')")
    page.keyboard.press("Enter")
    dialog = page.locator("dialog[data-viewer]")
    expect(dialog).to_be_visible()
    expect(page.locator("[data-viewer-count]")).to_have_text(f"(1/{count})")
    expect(page.locator("[data-viewer-image]")).to_have_attribute("src", re.compile("/media/"))
    page.keyboard.press("ArrowRight")
    expect(page.locator("[data-viewer-count]")).to_have_text(f"(2/{count})")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("[data-viewer-count]")).to_have_text(f"({count}/{count})")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    # Focus is back on the photo the viewer was showing. The dialog's "close" event, which moves
    # it there, is a task queued after the dialog hides, so wait for it as a user's eye would.
    expect(links.nth(count - 1)).to_be_focused()


def test_a_video_asks_youtube_for_nothing_before_the_click(page, viewport, sample_video):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(sample_video)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "youtube" in url or "ytimg" in url], requests
    page.route(
        re.compile(r"https://www\.youtube-nocookie\.com/.*"),
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<!doctype html><title>player</title>"
        ),
    )
    page.get_by_role("link", name=re.compile("Phát video")).click()
    frame = page.locator(".video-frame iframe")
    expect(frame).to_have_attribute(
        "src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/abcdefghijk")
    )


def test_a_visitor_sends_the_quiz_registration(page, viewport):
    page.goto(DEMO_PAGES["form"])
    page.get_by_role("textbox", name="Họ và tên").fill("Hoàng Thị Mai")
    page.get_by_role("textbox", name="Thư điện tử").fill("mai@example.vn")
    page.get_by_role("textbox", name="Đơn vị công tác").fill("Trường Tiểu học Kim Đồng")
    page.locator("#id_consent").check()
    wait_out_the_time_trap(page)
    page.get_by_role("button", name="Gửi").click()
    expect(page).to_have_url(re.compile(r"\?da-gui=1"))
    expect(page.locator("#bieu-mau [role=status]")).to_contain_text("Cảm ơn bạn đã đăng ký")
