"""An editor logs in to the Wagtail admin, writes and publishes a news article with an image, and
sees it on the home page as a reader would."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import EDITOR_PASSWORD, EDITOR_USERNAME, VIEWPORTS

pytestmark = pytest.mark.browser


def log_in(page):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(EDITOR_USERNAME)
    page.locator("#id_password").fill(EDITOR_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def choose(page, field_id, name=None):
    """Open a Wagtail chooser (image, snippet) and pick an item in its modal."""
    page.locator(f"#{field_id}-chooser [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    choices = modal.locator("a[data-chooser-modal-choice]")
    if name:
        choices = choices.filter(has_text=name)
    choices.first.click()
    expect(modal).to_be_hidden()
    # The backdrop fades out after the dialog; until it is gone it takes every click.
    expect(page.locator(".modal-backdrop")).to_have_count(0)
    expect(page.locator(f"#{field_id}")).not_to_have_value("")


def test_editor_writes_and_publishes_an_article_with_an_image(page, browser, site_server, viewport):
    from news.models import NewsArticlePage, NewsCategory, NewsIndexPage

    news_index = NewsIndexPage.objects.live().first()
    category = NewsCategory.objects.order_by("pk").first()
    title = f"Công đoàn trường học tổ chức ngày hội đoàn viên ({viewport})"

    log_in(page)
    page.goto(f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_lead").fill(
        "Hơn hai trăm đoàn viên tham gia các hoạt động văn hóa, thể thao và tư vấn pháp luật."
    )
    choose(page, "id_category", category.name)
    # The hero image: Wagtail's image chooser, picking an image of the library.
    choose(page, "id_hero_image")
    page.locator("#id_hero_alt").fill("Đoàn viên xếp hàng tham gia ngày hội")

    # Publish: the main button's menu holds "Publish".
    publish = page.locator("button[name=action-publish]")
    if not publish.is_visible():
        page.locator(
            "footer [data-w-dropdown-target=toggle], footer .w-dropdown__toggle"
        ).first.click()
    publish.click()
    # Published: the news index's page list. Not any /admin/pages/<id>/ address: the autosave
    # turns the form's address into the new draft's edit address (/admin/pages/<id>/edit/)
    # before the publish has been answered (on a busy machine the article was not live yet).
    expect(page).to_have_url(re.compile(rf"/admin/pages/{news_index.pk}/$"), timeout=30_000)
    article = NewsArticlePage.objects.live().get(title=title)
    assert article.hero_image_id is not None

    # The editor sees the published page with Wagtail's user bar, still under the strict public
    # CSP (the page fixture fails on any violation).
    page.goto(article.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("wagtail-userbar")).to_be_attached()

    # A reader (a fresh, anonymous browser context) sees it on the home page.
    reader = browser.new_context(base_url=site_server.url, **VIEWPORTS[viewport])
    try:
        reader_page = reader.new_page()
        reader_page.goto("/")
        link = reader_page.locator("main").get_by_role("link", name=title).first
        expect(link).to_be_visible()
        link.click()
        expect(reader_page.get_by_role("heading", level=1)).to_have_text(title)
        expect(reader_page.locator(".news-article__hero img")).to_be_visible()
    finally:
        reader.close()
