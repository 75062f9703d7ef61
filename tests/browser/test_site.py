"""The site chrome in a real browser: home page, 404 page, keyboard use, the admin login."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_home_page_is_accessible_and_csp_clean(page, axe):
    response = page.goto("/")
    assert response.status == 200
    expect(page.locator("h1, .brand__vi").first).to_be_visible()
    # The page's own script ran under the strict CSP (no violations are checked on teardown).
    assert "script-src" in response.headers["content-security-policy"]
    axe(page, "the home page")


def test_not_found_page_is_accessible(page, axe):
    response = page.goto("/khong-co-trang-nay/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Không tìm thấy trang")
    axe(page, "the 404 page")


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page, viewport):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const rect = el.getBoundingClientRect();
            return {
                cls: el.className, href: el.getAttribute("href"), text: el.textContent.trim(),
                outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
                boxShadow: style.boxShadow, visible: rect.width > 0 && rect.height > 0
                    && rect.bottom > 0 && rect.top < window.innerHeight,
            };
        }"""
    )
    assert focused["cls"] == "skip-link"
    assert focused["href"] == "#main"
    assert focused["text"] == "Bỏ qua, đến nội dung chính"
    # Focus is visible: on screen, with a real outline (not `outline: none`).
    assert focused["visible"], focused
    assert focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2, focused

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.url.endswith("#main")
    # The next Tab continues from the main content onwards, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate(
        """() => {
            const main = document.getElementById("main"), el = document.activeElement;
            return main.contains(el)
                || Boolean(main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )


def page_urls():
    """One page of each public kind: home, an article, a document, a campaign with the form,
    the partner directory, the sign-up page."""
    from campaigns.models import CampaignPage, PartnerProgramPage, SignupPage
    from news.models import NewsArticlePage
    from resolutions.models import ResolutionPage

    urls = ["/", "/tim-kiem/?q=cong+doan"]
    for model in (NewsArticlePage, ResolutionPage, CampaignPage, PartnerProgramPage, SignupPage):
        page = model.objects.live().order_by("path").first()
        assert page is not None, model
        urls.append(page.url)
    return urls


def test_every_focusable_element_shows_focus(page):
    """Tab through each kind of page: every stop has an outline or a focus ring."""
    for url in page_urls():
        page.goto(url)
        tab_through(page, url)


def tab_through(page, url):
    seen = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const s = getComputedStyle(el);
                return {
                    key: el.outerHTML.slice(0, 120),
                    outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0,
                    ring: s.boxShadow !== "none",
                };
            }"""
        )
        if info is None or info["key"] in seen:
            break
        seen.add(info["key"])
        assert info["outline"] or info["ring"], f"No visible focus on {info['key']} ({url})"
    assert len(seen) >= 3, url


# The policy is a response header: the same for every screen.
@pytest.mark.parametrize("viewport", ["desktop"])
def test_admin_login_page_loads_under_the_admin_policy(page):
    response = page.goto("/admin/login/")
    assert response.status == 200
    csp = response.headers["content-security-policy"]
    assert re.search(r"frame-ancestors 'self'", csp)
    expect(page.locator("input[name=username]")).to_be_visible()
