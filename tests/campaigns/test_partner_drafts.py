"""Partners are snippets with drafts and revisions: a draft is shown nowhere public, and an
unpublished edit of a live partner never leaks."""

import re

import pytest
from django.core.cache import cache

from campaigns.models import Partner

from .campaign_helpers import days, make_campaign, make_campaign_index, make_partner, make_programme

DRAFT_NAME = "Siêu thị Bí Mật"


@pytest.fixture
def setup(home_page):
    programme = make_programme(home_page)
    live = make_partner("Siêu thị Công Khai")
    draft = make_partner(DRAFT_NAME, live=False)
    draft.save_revision()
    return programme, live, draft


@pytest.mark.django_db
def test_draft_partner_is_nowhere_public(client, home_page, setup):
    _programme, live, draft = setup
    assert not draft.live and draft.slug

    # Directory, even when asking for expired ones, and its text search.
    for params in ({}, {"het-han": "1"}, {"q": "bi mat", "het-han": "1"}):
        html = client.get("/vi-phuc-loi-doan-vien/", params).content.decode()
        assert DRAFT_NAME not in html
    assert "Siêu thị Công Khai" in client.get("/vi-phuc-loi-doan-vien/").content.decode()
    # Its own URL.
    assert client.get(f"/vi-phuc-loi-doan-vien/doi-tac/{draft.slug}/").status_code == 404
    # The footer strip on every page.
    html = client.get("/").content.decode()
    assert "Siêu thị Công Khai" in html
    assert DRAFT_NAME not in html
    # A campaign's partner strip that an editor filled before the partner went live.
    index = make_campaign_index(home_page)
    campaign = make_campaign(
        index,
        "Chiến dịch có đối tác",
        start=days(-1),
        body=[("partner_strip", {"heading": "Đối tác", "partners": [live, draft]})],
    )
    html = client.get(campaign.url).content.decode()
    assert "Siêu thị Công Khai" in html and DRAFT_NAME not in html
    # The site search.
    for query in ("Bí Mật", "bi mat"):
        assert DRAFT_NAME not in client.get("/tim-kiem/", {"q": query}).content.decode()


@pytest.mark.django_db
def test_publishing_the_draft_makes_it_public(client, setup):
    _programme, _live, draft = setup
    draft.latest_revision.publish()
    cache.clear()
    assert client.get(f"/vi-phuc-loi-doan-vien/doi-tac/{draft.slug}/").status_code == 200
    assert DRAFT_NAME in client.get("/").content.decode()


@pytest.mark.django_db
def test_unpublished_edit_of_a_live_partner_does_not_leak(client, setup):
    _programme, live, _draft = setup
    revision = live.save_revision()  # what the admin does on "Save draft"
    edited = revision.as_object()
    edited.offer_summary = "Ưu đãi chưa duyệt: giảm 90%"
    edited.save_revision()  # editor's draft: the live row must stay as it was

    live.refresh_from_db()
    assert live.live and live.has_unpublished_changes
    assert live.offer_summary != "Ưu đãi chưa duyệt: giảm 90%"
    html = client.get(live.url).content.decode()
    assert "Ưu đãi chưa duyệt" not in html
    html = client.get("/vi-phuc-loi-doan-vien/", {"q": "chua duyet"}).content.decode()
    assert "Tìm thấy 0 đối tác." in html


@pytest.mark.django_db
def test_unpublishing_removes_a_partner_from_the_footer(client, setup):
    _programme, live, _draft = setup
    assert "Siêu thị Công Khai" in client.get("/").content.decode()
    live.unpublish()
    assert "Siêu thị Công Khai" not in client.get("/").content.decode()
    assert client.get(f"/vi-phuc-loi-doan-vien/doi-tac/{live.slug}/").status_code == 404


@pytest.mark.django_db
def test_footer_strip_shows_only_current_partners_with_logos(client, home_page):
    make_programme(home_page)
    make_partner("Có logo còn hạn")
    make_partner("Không logo", logo=False)
    make_partner("Hết hạn có logo", valid_to=days(-1))
    html = client.get("/").content.decode()
    strip = html[html.index('class="partner-strip"') :]
    assert 'alt="Có logo còn hạn"' in strip
    assert "Không logo" not in strip and "Hết hạn có logo" not in strip
    assert 'href="/vi-phuc-loi-doan-vien/doi-tac/co-logo-con-han/"' in strip


@pytest.mark.django_db
def test_partner_admin_lists_and_previews(admin_client, setup):
    _programme, _live, draft = setup
    html = admin_client.get("/admin/snippets/campaigns/partner/").content.decode()
    assert "Siêu thị Công Khai" in html and DRAFT_NAME in html
    assert (
        admin_client.get(f"/admin/snippets/campaigns/partner/edit/{draft.pk}/").status_code == 200
    )
    response = admin_client.get("/admin/snippets/campaigns/partner/add/")
    assert response.status_code == 200
    assert Partner.objects.count() == 2
    # An editor previews the draft exactly as readers will see it once published.
    preview = draft.make_preview_request()
    assert preview.status_code == 200
    assert f'<h1 class="partner__name">{DRAFT_NAME}</h1>' in preview.content.decode()


@pytest.mark.django_db
def test_site_search_finds_published_partners_without_accents(client, setup):
    _programme, live, _draft = setup

    def results(query):
        html = client.get("/tim-kiem/", {"q": query}).content.decode()
        found = re.search(r'<ol class="search-results".*?</ol>', html, re.S)
        return found.group(0) if found else ""

    assert f'href="{live.url}"' in results("sieu thi cong khai")
    assert DRAFT_NAME not in results("bi mat")
    assert "sieu-thi-bi-mat" not in results("bi mat")
