"""A hit of a page indexed before summaries were stored (search/summaries.py) reads only the
columns it shows (search.hits.hit_fields): building the hits of every page type of the demo site
costs one query per type, never one per hit (a deferred field read later would)."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from search.engine import SiteSearch
from search.models import HitSummary

pytestmark = pytest.mark.django_db


def test_hits_of_every_page_type_read_no_deferred_field(demo):
    pages = list(Page.objects.live().filter(depth__gt=1).only("id", "content_type_id", "title"))
    types = {page.content_type_id for page in pages}
    HitSummary.objects.all().delete()
    request = RequestFactory().get("/tim-kiem/", {"q": "cong doan"})
    search = SiteSearch(request, "")
    with CaptureQueriesContext(connection) as queries:
        hits = search.decorate(search._hits(pages))
        html = "".join(hit.plain().html for hit in hits)
    assert len(hits) == len(pages) and html
    assert len(queries) <= len(types) + 2  # per type (the site root paths once)
    assert any(hit.snippet_html or hit.texts for hit in hits)
