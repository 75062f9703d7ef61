"""The readers' journeys, each on a phone and a desktop viewport, with axe-core on the way."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import wait_out_the_time_trap

pytestmark = pytest.mark.browser


def articles_with_tags():
    from news.models import NewsArticlePage

    return [a for a in NewsArticlePage.objects.live().prefetch_related("tags") if a.tags.all()]


def test_reader_home_article_tag_and_back(page, axe):
    tagged = {a.url: a for a in articles_with_tags()}
    assert tagged, "the demo content has no tagged news article"

    page.goto("/")
    links = page.locator("main a[href^='/tin-tuc/']")
    href = next(
        (
            h
            for h in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
            if h in tagged
        ),
        None,
    )
    assert href, "the home page links no tagged article"
    article = tagged[href]
    page.locator(f"main a[href='{href}']:visible").first.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    # The news feed is announced to feed readers and browsers.
    feed = page.locator('link[rel="alternate"][type="application/rss+xml"]')
    expect(feed.first).to_have_attribute("href", re.compile(r"/tin-tuc/.+"))
    feed_url = feed.first.get_attribute("href")
    assert (
        page.request.get(feed_url)
        .headers["content-type"]
        .startswith(("application/rss+xml", "application/xml", "text/xml"))
    )
    axe(page, "a news article")

    tag = article.tags.all()[0]
    page.locator(".tag-list a", has_text=tag.name).first.click()
    expect(page).to_have_url(re.compile(r"/tin-tuc/.+"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(tag.name)
    expect(page.locator("main").get_by_role("link", name=article.title).first).to_be_visible()
    expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first).to_be_attached()

    page.go_back()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)


def test_searcher_types_cong_doan_in_the_header_box(page, axe):
    page.goto("/")
    box = page.locator("#header-search-q")
    box.click()
    box.press_sequentially("cong doan", delay=20)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?q=cong(\+|%20)doan"))
    results = page.locator(".search-results a[href]")
    expect(results.first).to_be_visible()
    assert results.count() >= 3
    axe(page, "the search results")

    href = results.first.get_attribute("href")
    results.first.click()
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def campaign_with_signup():
    from campaigns.models import CampaignPage

    for campaign in CampaignPage.objects.live().order_by("path"):
        blocks = getattr(campaign, "body", None) or []
        if any(block.block_type == "signup" for block in blocks):
            return campaign
    pytest.fail("the demo content has no campaign page with a sign-up block")


def first_province():
    from campaigns.provinces import province_choices

    return next(value for value, _label in province_choices() if value)


def fill_signup(form, *, name, date_of_birth, phone):
    form.get_by_label("Họ và tên").fill(name)
    form.get_by_label("Ngày sinh").fill(date_of_birth)
    form.locator("input[name=sex]").first.check()
    form.get_by_label("Số điện thoại di động").fill(phone)
    form.locator("select[name=province]").select_option(first_province())
    form.locator("input[name=workplace]").fill("Trường THCS Nguyễn Du")
    long_contract = form.locator("input[name=long_contract]")
    if long_contract.count():
        long_contract.check()
    form.locator("input[name=consent_registration]").check()


def test_worker_signs_up_on_a_campaign_page(page, axe, viewport):
    from campaigns.registry.models import MemberSignup

    campaign = campaign_with_signup()
    page.goto(campaign.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(campaign.title)
    form = page.locator("form.signup__form")
    expect(form).to_be_attached()
    axe(page, "a campaign page with the sign-up form")

    phone = "0912 345 6" + ("71" if viewport == "phone" else "72")
    # The mistake: a date of birth that does not exist.
    fill_signup(form, name="Trần Thị Mai", date_of_birth="31/02/1990", phone=phone)
    wait_out_the_time_trap(page)
    form.get_by_role("button", name="Gửi đăng ký").click()

    form = page.locator("form.signup__form")
    error = page.locator("#id_date_of_birth_error")
    expect(error).to_be_visible()
    expect(error).to_contain_text(re.compile(r"[Nn]gày"))
    field = page.locator("#id_date_of_birth")
    # Next to the field, and the field says so to screen readers.
    assert "id_date_of_birth_error" in (field.get_attribute("aria-describedby") or "")
    assert field.get_attribute("aria-invalid") == "true"
    expect(page.locator("#id_full_name")).to_have_value("Trần Thị Mai")
    expect(page.locator("#id_phone")).to_have_value(re.compile(r"0912"))
    axe(page, "the sign-up form with errors")

    field.fill("05/09/1990")
    if not form.locator("input[name=consent_registration]").is_checked():
        form.locator("input[name=consent_registration]").check()
    wait_out_the_time_trap(page)
    form.get_by_role("button", name="Gửi đăng ký").click()

    done = page.locator(".signup__done")
    expect(done).to_be_visible()
    expect(done).to_contain_text("Cảm ơn")
    assert MemberSignup.objects.filter(full_name="Trần Thị Mai").exists()


def province_with_partners():
    """A province with a partner listed for it alone (not a nationwide offer)."""
    from campaigns.models import Partner

    for partner in Partner.objects.current().prefetch_related("provinces").order_by("pk"):
        provinces = list(partner.provinces.all())
        if provinces:
            return provinces[0], partner
    pytest.fail("the demo content has no partner listed for a province")


def test_partner_seeker_filters_by_province_and_opens_one(page, axe):
    from campaigns.models import PartnerProgramPage

    directory = PartnerProgramPage.objects.live().first()
    page.goto(directory.url)
    axe(page, "the partner directory")
    province, partner = province_with_partners()
    form = page.locator("form.partner-filters")
    form.locator("select[name=tinh]").select_option(str(province.pk))
    form.get_by_role("button", name="Lọc").click()
    expect(page).to_have_url(re.compile(rf"[?&]tinh={re.escape(str(province.pk))}"))
    expect(form.locator("select[name=tinh]")).to_have_value(str(province.pk))
    link = page.locator(f"main a[href='{partner.url}']").first
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(re.escape(partner.url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(partner.name)
    axe(page, "a partner page")


def test_a_document_page_is_accessible(page, axe):
    from resolutions.models import ResolutionPage

    document = ResolutionPage.objects.live().order_by("path").first()
    assert document is not None
    page.goto("/van-ban/")
    axe(page, "the document library")
    page.goto(document.url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe(page, "a document page")
