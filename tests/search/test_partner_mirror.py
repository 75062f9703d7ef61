"""Opted-in models (partners) are searched in their own full-text table on SQLite
(search/mirror.py): what readers find follows every change of a partner, and a partner search
costs the same however many pages share its words."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_remembered(settings):
    settings.FRAGMENT_CACHE_ENABLED = False


def partner_names(client, query):
    response = client.get("/tim-kiem/", {"q": query, "loai": "campaigns.partner"})
    return [hit.title for hit in response.context["results"].object_list]


def test_partner_hits_follow_new_renamed_unpublished_and_deleted_partners(client):
    partner = PartnerFactory(name="Nhà sách Trí Tuệ", offer_summary="Giảm 10% sách giáo khoa.")
    assert partner_names(client, "tri tue") == ["Nhà sách Trí Tuệ"]
    partner.name = "Nhà sách Minh Khai"
    partner.save()
    assert partner_names(client, "tri tue") == []
    assert partner_names(client, "minh khai") == ["Nhà sách Minh Khai"]
    partner.live = False
    partner.save()
    assert partner_names(client, "minh khai") == []
    partner.live = True
    partner.save()
    assert partner_names(client, "minh khai") == ["Nhà sách Minh Khai"]
    partner.delete()
    assert partner_names(client, "minh khai") == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's full-text table only")
def test_a_partner_search_never_reads_the_pages_full_text_table(client, add_page):
    PartnerFactory(name="Siêu thị Công đoàn", offer_summary="Giảm 5% mọi mặt hàng.")
    add_page("Công đoàn cơ sở")
    client.get("/tim-kiem/", {"q": "cong doan", "loai": "campaigns.partner"})
    with CaptureQueriesContext(connection) as queries:
        names = partner_names(client, "cong doan")
    assert names == ["Siêu thị Công đoàn"]
    partner_queries = [q["sql"] for q in queries if "campaigns_partner" in q["sql"]]
    assert partner_queries
    assert not any("wagtailsearch_indexentry_fts" in sql for sql in partner_queries)
