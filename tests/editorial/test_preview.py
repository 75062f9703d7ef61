"""Preview that works: the admin may frame its own previews; nothing else may frame any page."""

import re

import pytest
from django.urls import reverse

from tests.news.conftest import post_preview


def frame_ancestors(response):
    csp = response.headers.get("Content-Security-Policy", "")
    match = re.search(r"frame-ancestors ([^;]*)", csp)
    return match.group(1).strip() if match else None


@pytest.mark.django_db
def test_make_preview_request_allows_only_our_admin_to_frame_it(rf, make_article):
    article = make_article(title="Bài xem trước trong khung")
    response = article.make_preview_request()
    assert response.status_code == 200
    assert "Bài xem trước trong khung" in response.content.decode()
    assert frame_ancestors(response) == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # Still the public page's strict policy otherwise: scripts only with the nonce.
    csp = response.headers["Content-Security-Policy"]
    assert re.search(r"script-src 'self' 'nonce-[^']+'(;|$)", csp)
    assert "unsafe-inline" not in re.search(r"script-src ([^;]*)", csp).group(1)


@pytest.mark.django_db
def test_the_preview_panel_and_new_tab_can_be_framed_by_the_admin(admin_client, make_article):
    article = make_article(title="Bài đã đăng")
    url, answer = post_preview(
        admin_client,
        article,
        title="Bản nháp để xem trước",
        lead="Sapo nháp.",
        body="Thân bài nháp.",
        tags="",
    )
    assert answer == {"is_valid": True, "is_available": True}
    # The panel's iframe asks with in_preview_panel=true; "preview in a new tab" without it.
    for query in ("?in_preview_panel=true&mode=", ""):
        response = admin_client.get(url + query)
        assert response.status_code == 200
        assert "Bản nháp để xem trước" in response.content.decode()
        assert frame_ancestors(response) == "'self'", query
        assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_a_revision_preview_can_be_framed_by_the_admin(admin_client, make_article):
    article = make_article(title="Bài có phiên bản")
    revision = article.latest_revision
    url = reverse("wagtailadmin_pages:revisions_view", args=(article.pk, revision.pk))
    response = admin_client.get(url)
    assert response.status_code == 200
    assert frame_ancestors(response) == "'self'"


@pytest.mark.django_db
def test_the_public_page_still_refuses_every_frame(client, make_article):
    article = make_article(title="Bài công khai")
    response = client.get(article.url)
    assert response.status_code == 200
    assert frame_ancestors(response) == "'none'"
    assert response["X-Frame-Options"] == "DENY"
