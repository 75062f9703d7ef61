"""Query budgets: the directory, a partner page, the campaign index and the footer strip cost the
same number of queries with 5 partners as with 100 (on SQLite and PostgreSQL alike).

Each page is requested once first (renditions get generated, per-process caches warm up), then
measured. Budgets name what they pay for.
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

SIZES = [5, 100]


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
@pytest.mark.parametrize("n", SIZES)
def test_directory_query_budget(client, home_page, django_assert_max_num_queries, n):
    populate(home_page, n)
    for params in ({}, {"tinh": "01", "q": "doi tac", "het-han": "1"}):
        assert client.get("/vi-phuc-loi-doan-vien/", params).status_code == 200
        with django_assert_max_num_queries(DIRECTORY_BUDGET):
            response = client.get("/vi-phuc-loi-doan-vien/", params)
        assert response.status_code == 200
        assert response.content.decode().count('class="card partner-card"') == min(n, 24)


@pytest.mark.django_db
@pytest.mark.parametrize("n", SIZES)
def test_partner_page_query_budget(client, home_page, django_assert_max_num_queries, n):
    populate(home_page, n)
    partner = make_partner(
        "Đối tác đo", provinces=["01", "48"], locations=[("A", "01"), ("B", "48"), ("C", "79")]
    )
    client.get(partner.url)
    with django_assert_max_num_queries(PARTNER_PAGE_BUDGET):
        response = client.get(partner.url)
    assert response.status_code == 200
    assert "Đối tác đo" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("n", SIZES)
def test_campaign_index_query_budget(client, home_page, django_assert_max_num_queries, n):
    from .campaign_helpers import make_image

    populate(home_page, n)
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
@pytest.mark.parametrize("n", SIZES)
def test_footer_strip_query_budget(home_page, django_assert_max_num_queries, n):
    populate(home_page, n)
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
