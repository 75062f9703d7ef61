"""SQLite: a query with more matches than the candidate bound is ranked in the newest index
entries' own full-text table (search/recent.py), whose bm25() does not read every row holding
the query's words. The table follows every change of the index, and ranking there shows the same
hits in the same order as ranking in the whole index."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from search import bounds, recent

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's full-text tables only"),
]

BOUND = 5


@pytest.fixture
def bound(monkeypatch, settings):
    monkeypatch.setattr(bounds, "SEARCH_CANDIDATES", BOUND)
    settings.FRAGMENT_CACHE_ENABLED = False  # every search computed, never recalled


def recent_titles():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT title FROM {recent.RECENT_TABLE}")  # noqa: S608
        return {row[0] for row in cursor.fetchall()}


def entry_of(page):
    page_type = ContentType.objects.get_for_model(Page)
    return IndexEntry.objects.filter(content_type=page_type, object_id=str(page.pk)).first()


def test_the_table_follows_new_edited_and_deleted_pages(add_page):
    page = add_page("Hội thao công nhân viên chức")
    assert any("Hội thao" in title for title in recent_titles())
    page.title = "Hội diễn văn nghệ quần chúng"
    page.save_revision().publish()
    titles = recent_titles()
    assert any("Hội diễn" in title for title in titles)
    assert not any("Hội thao" in title for title in titles)
    page.delete()
    assert not any("Hội diễn" in title for title in recent_titles())


def test_entries_older_than_the_newest_span_leave_it_and_stay_in_the_index(add_page):
    page = add_page("Hội thao công nhân viên chức")
    old = entry_of(page)
    IndexEntry.objects.create(
        id=old.id + recent.RECENT_ENTRIES,
        content_type=old.content_type,
        object_id="0",
        title="Mục mới nhất",
        body="",
        autocomplete="",
    )
    assert not any("Hội thao" in title for title in recent_titles())
    assert IndexEntry.objects.filter(pk=old.pk).exists()


def ranked(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tim-kiem/", {"q": "tuyen dung"})
    assert response.context["capped"]
    hits = [hit.title for hit in response.context["results"].object_list]
    ranking = [q["sql"] for q in queries if "bm25(" in q["sql"]]
    return hits, ranking


def test_a_capped_search_ranks_the_same_hits_in_the_newest_entries(
    client, add_page, bound, monkeypatch
):
    # Different relevance: the words once or twice, in titles of different lengths.
    for n in range(BOUND * 3):
        add_page(
            f"Thông báo {'tuyển dụng ' * (1 + n % 2)}đợt {n}{' viên chức' * (n % 3)}",
            revision=False,
        )
    hits, ranking = ranked(client)
    assert ranking and all(recent.RECENT_TABLE in sql for sql in ranking if "page" in sql)
    # Candidates older than the newest entries' span: the whole index ranks them, alike.
    monkeypatch.setattr(recent, "RECENT_ENTRIES", 0)
    whole_hits, whole_ranking = ranked(client)
    assert not any(recent.RECENT_TABLE in sql for sql in whole_ranking)
    assert whole_hits == hits
    assert len(hits) == BOUND
