"""A hit of a page indexed before summaries were stored (search/summaries.py) reads only the
columns it shows (search.hits.hit_fields): building the hits of every page type of the demo site
costs one query per type, never one per hit (a deferred field read later would)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from search.engine import SiteSearch
from search.models import HitSummary

pytestmark = pytest.mark.django_db


def hits_of_every_page_type():
    """(pages, their hits, the hits' HTML, the queries building them took) of the demo site."""
    pages = list(Page.objects.live().filter(depth__gt=1).only("id", "content_type_id", "title"))
    request = RequestFactory().get("/tim-kiem/", {"q": "cong doan"})
    search = SiteSearch(request, "")
    # A server process keeps every content type after its first requests; this process may have
    # just cleared them (the demo site restored after a flush: tests/conftest.py), which would
    # add one query per page type to whichever test of this file runs first after it.
    for type_id in {page.content_type_id for page in pages}:
        ContentType.objects.get_for_id(type_id)
    with CaptureQueriesContext(connection) as queries:
        hits = search.decorate(search._hits(pages))
        html = "".join(hit.plain().html for hit in hits)
    assert len(hits) == len(pages) and html
    return pages, hits, queries


def test_hits_of_every_page_type_read_no_deferred_field(demo):
    HitSummary.objects.all().delete()
    pages, hits, queries = hits_of_every_page_type()
    types = {page.content_type_id for page in pages}
    assert len(queries) <= len(types) + 2  # per type (the site root paths once)
    assert any(hit.snippet_html or hit.texts for hit in hits)


def test_hits_of_every_page_type_are_read_in_one_query(demo):
    """Pages indexed with their summaries (search/summaries.py): one query whatever the types."""
    pages, hits, queries = hits_of_every_page_type()
    assert len({page.content_type_id for page in pages}) > 3
    assert HitSummary.objects.filter(page__in=pages).count() == len(pages)
    assert len(queries) <= 2  # the pages with their summaries (the site root paths once)
    assert any(hit.snippet_html for hit in hits) and any(hit.date for hit in hits)
