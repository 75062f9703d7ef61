"""Script-injection payloads through every public form and the admin: nothing runs in Chromium.

Each payload sets `window.__xss` and opens an alert if it ever executes. The page fixture also
fails on any dialog and on any Content-Security-Policy violation (a blocked inline script would
be one), so an unescaped payload fails even though the CSP would have stopped it.

Escaping does not depend on the screen: one viewport (desktop), not the phone's as well.
"""

import pytest
from playwright.sync_api import expect

from .conftest import wait_out_the_time_trap

pytestmark = pytest.mark.browser


@pytest.fixture
def viewport():
    return "desktop"


PAYLOAD = (
    '"><script>window.__xss=1;alert(1)</script>'
    '<img src=x onerror="window.__xss=1;alert(1)"><svg onload="window.__xss=1">'
)


def assert_nothing_ran(page, where):
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__xss") == "undefined", f"payload executed on {where}"
    # The payload is shown as text, not turned into elements.
    assert page.locator("img[src='x'], svg[onload]").count() == 0, where


@pytest.fixture
def payload_article():
    """A news article whose title, lead and rich text carry the payload (as if typed in the
    admin or imported), tagged with a payload tag; removed afterwards."""
    from wagtail.rich_text import RichText

    from home.demo_utils import ensure_child_page
    from news.models import NewsArticlePage, NewsCategory, NewsIndexPage

    news_index = NewsIndexPage.objects.live().first()
    article, _ = ensure_child_page(
        news_index,
        NewsArticlePage,
        "bai-kiem-tra-xss",
        title="Bài kiểm tra " + PAYLOAD,
        lead="Sapo " + PAYLOAD,
        byline=PAYLOAD,
        category=NewsCategory.objects.order_by("pk").first(),
        body=[("paragraph", RichText("<p>Đoạn văn " + PAYLOAD.replace("<", "&lt;") + "</p>"))],
    )
    article.tags.add("thẻ " + PAYLOAD[:40])
    article.save_revision().publish()
    yield article
    article.delete()


def test_payload_content_and_forms_never_execute(page, payload_article):
    page.goto(payload_article.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("<script>")
    assert_nothing_ran(page, "the article")

    page.goto("/")
    assert_nothing_ran(page, "the home page")

    # The header search box.
    page.locator("#header-search-q").fill(PAYLOAD)
    page.locator("#header-search-q").press("Enter")
    page.wait_for_url("**/tim-kiem/**")
    expect(page.locator("#search-page-q")).to_have_value(PAYLOAD[:200])
    assert_nothing_ran(page, "search results")

    page.goto("/tim-kiem/?q=" + "b%C3%A0i+ki%E1%BB%83m+tra")
    assert_nothing_ran(page, "search results listing the article")

    # A 404 whose path is the payload.
    page.goto("/%22%3E%3Cscript%3Ewindow.__xss=1%3C/script%3E/")
    assert_nothing_ran(page, "the 404 page")


def fill_every_text_field(form, value):
    fields = form.locator(
        "input[type=search]:visible, input[type=text]:visible, input:not([type]):visible"
    )
    for index in range(fields.count()):
        fields.nth(index).fill(value)
    return fields.count()


@pytest.mark.parametrize(
    "model_path",
    ["resolutions.DocumentLibraryPage", "campaigns.PartnerProgramPage"],
    ids=["document-library", "partner-directory"],
)
def test_listing_filters_never_execute_input(page, model_path):
    from django.apps import apps

    listing = apps.get_model(model_path).objects.live().first()
    page.goto(listing.url)
    form = page.locator("main form[method=get]").first
    assert fill_every_text_field(form, PAYLOAD) >= 1
    form.locator("button[type=submit], input[type=submit]").first.click()
    page.wait_for_load_state("load")
    assert "?" in page.url
    assert_nothing_ran(page, f"{listing.url} filtered")
    # Tampered select values in the URL are refused or ignored, never echoed raw.
    names = form.locator("select").evaluate_all("els => els.map(e => e.name)")
    query = "&".join(f"{name}=%22%3E%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E" for name in names)
    page.goto(f"{listing.url}?{query}")
    assert_nothing_ran(page, f"{listing.url} with tampered filters")


def test_signup_form_never_executes_input(page):
    from campaigns.models import SignupPage

    signup = SignupPage.objects.live().first()
    page.goto(signup.url)
    form = page.locator("form.signup__form")
    form.locator("input[name=full_name]").fill(PAYLOAD)
    form.locator("input[name=workplace]").fill(PAYLOAD)
    form.locator("input[name=date_of_birth]").fill(PAYLOAD)
    form.locator("input[name=phone]").fill(PAYLOAD[:30])
    wait_out_the_time_trap(page)
    form.get_by_role("button", name="Gửi đăng ký").click()
    page.wait_for_load_state("load")
    expect(page.locator(".errorlist").first).to_be_visible()
    expect(page.locator("input[name=full_name]")).to_have_value(PAYLOAD)
    assert_nothing_ran(page, "the sign-up form with errors")
