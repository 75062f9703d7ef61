"""Query budgets: the directory, a partner page, the campaign index and the footer strip cost the
same number of queries with 5 partners as with 30 (on SQLite and PostgreSQL alike).

Each page is requested once first (renditions get generated, per-process caches warm up), then
measured. Budgets name what they pay for. The partners of each size are made once for the four
tests (`partners`), in a transaction rolled back after them.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from campaigns.models import Scope
from home.chrome import FOOTER_STRIP_SIZE, chrome_of, footer_partners
from home.models import SiteBranding

from .campaign_helpers import days, make_campaign, make_campaign_index, make_partner, make_programme

# 30: more than a directory page and the footer strip hold (24 each), so a query per partner,
# logo or campaign would add at least 24 queries (6 on the campaign index) to budgets of 7-10.
# (It was 100: a third of this module's CPU was making the partners and their logos.)
SIZES = [5, 30]


def populate(home_page, n):
    programme = make_programme(home_page)
    for i in range(n):
        make_partner(
            f"Đối tác {i:03d}",
            scope=Scope.PROVINCE if i % 2 else Scope.NATIONWIDE,
            provinces=["01", "79"] if i % 2 else [],
            locations=[(f"Số {i} phố Mẫu", "01")],
        )
    return programme


@pytest.fixture(scope="module", params=SIZES)
def _partners(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """`n` published partners with their logos (and the programme page), made once for this
    module's tests of that size, with their media folder; each test's own changes are rolled back
    after it (a savepoint inside this transaction), the partners after the last."""
    from django.db import transaction
    from django.test import override_settings

    media = tmp_path_factory.mktemp("partner-media")
    generation = tmp_path_factory.mktemp("partner-generation") / "page-cache-generation"
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(MEDIA_ROOT=media, PAGE_CACHE_GENERATION_FILE=str(generation)):
            populate(Site.objects.get(is_default_site=True).root_page.specific, request.param)
        yield request.param, media
        transaction.set_rollback(True)


@pytest.fixture
def partners(_partners, settings):
    """The number of partners made (5 or 30); their logos are this test's media."""
    n, media = _partners
    settings.MEDIA_ROOT = media
    return n


# Shared by every page: site 1, page routing 2 (portal/routing.py: view restrictions included),
# site branding setting 1 = 4. The menus and the footer strip are stored with the branding
# (home/chrome.py): 0.
PAGE_BASE = 4
# Directory: count 1, partners with their logos 1, logo renditions 1, provinces 1.
DIRECTORY_BUDGET = PAGE_BASE + 4
# Partner page: partner + logo 1, provinces 1, locations + their province 1, logo renditions 1.
PARTNER_PAGE_BUDGET = PAGE_BASE + 4
# Campaign index: view restrictions (public()) 1, campaigns with hero images 1, renditions 1.
CAMPAIGN_INDEX_BUDGET = PAGE_BASE + 3
# The stored chrome built again after a change (home/chrome.py): the two menus 2, the fallback
# menu (view restrictions + pages) 2, programme page (+ view restrictions) 2, site root paths
# for its URL 1 (cached by Wagtail once a request has them), partners with their logos 1,
# renditions 1, storing it 1. A render reads it with the branding: 0.
CHROME_BUILD_BUDGET = 10


@pytest.mark.django_db
def test_directory_query_budget(client, django_assert_max_num_queries, partners):
    n = partners
    for params in ({}, {"tinh": "01", "q": "doi tac", "het-han": "1"}):
        assert client.get("/vi-phuc-loi-doan-vien/", params).status_code == 200
        with django_assert_max_num_queries(DIRECTORY_BUDGET):
            response = client.get("/vi-phuc-loi-doan-vien/", params)
        assert response.status_code == 200
        assert response.content.decode().count('class="card partner-card"') == min(n, 24)


@pytest.mark.django_db
def test_partner_page_query_budget(client, django_assert_max_num_queries, partners):
    partner = make_partner(
        "Đối tác đo", provinces=["01", "48"], locations=[("A", "01"), ("B", "48"), ("C", "79")]
    )
    client.get(partner.url)
    with django_assert_max_num_queries(PARTNER_PAGE_BUDGET):
        response = client.get(partner.url)
    assert response.status_code == 200
    assert "Đối tác đo" in response.content.decode()


@pytest.mark.django_db
def test_campaign_index_query_budget(client, home_page, django_assert_max_num_queries, partners):
    from .campaign_helpers import make_image

    n = partners
    index = make_campaign_index(home_page)
    for i in range(n // 5):
        make_campaign(
            index,
            f"Chiến dịch {i}",
            start=days(-i * 10),
            end=days(30 - i * 10),
            hero_image=make_image(),
        )
    client.get("/chien-dich/")
    with django_assert_max_num_queries(CAMPAIGN_INDEX_BUDGET):
        response = client.get("/chien-dich/")
    assert response.status_code == 200
    assert response.content.decode().count('class="card campaign-card') == n // 5


@pytest.mark.django_db
def test_footer_strip_query_budget(django_assert_max_num_queries, partners):
    n = partners
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    chrome_of(branding)  # generates the renditions once
    branding.chrome = None
    SiteBranding.objects.update(chrome=None)
    cache.clear()
    with django_assert_max_num_queries(CHROME_BUILD_BUDGET):
        chrome_of(branding)
    # Stored with the branding: the footer on every page costs nothing.
    with CaptureQueriesContext(connection) as queries:
        items = footer_partners(branding)
    assert len(queries) == 0
    assert len(items) == min(n, FOOTER_STRIP_SIZE)
    assert all(item["url"].startswith("/vi-phuc-loi-doan-vien/doi-tac/") for item in items)
