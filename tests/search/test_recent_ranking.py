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


def _one(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def segments():
    """FTS5 segments of the newest entries' table (each holds rows or delete markers)."""
    return _one(f"SELECT count(DISTINCT segid) FROM {recent.RECENT_TABLE}_idx")  # noqa: S608


def stored_bytes():
    return _one(f"SELECT sum(length(block)) FROM {recent.RECENT_TABLE}_data")  # noqa: S608


def test_edits_never_pile_up_in_the_newest_entries_table(add_page):
    """FTS5 keeps a delete marker for each edited or dropped row until a merge reaches its oldest
    segment: unmerged, the markers grew with the archive's history (3x the rows at 10,000
    articles). Every COMPACT_EVERY such writes the table is merged into one segment."""
    page = add_page("Hội thao công nhân viên chức")
    entry = entry_of(page)

    def edit(times):
        for n in range(times):
            IndexEntry.objects.filter(pk=entry.pk).update(body=f"Lần sửa thứ {n} của bài")

    edit(recent.COMPACT_EVERY - _one("SELECT writes FROM search_recent_state"))
    assert _one("SELECT writes FROM search_recent_state") == 0
    assert segments() == 1
    merged = stored_bytes()
    edit(recent.COMPACT_EVERY - 1)
    assert _one("SELECT writes FROM search_recent_state") == recent.COMPACT_EVERY - 1
    edit(1)
    # Merged again, markers dropped: the table is the size of its rows, whatever its history.
    assert segments() == 1
    assert stored_bytes() <= merged * 1.1
    assert any("Hội thao" in title for title in recent_titles())


def test_a_capped_search_reads_its_candidates_only_among_the_newest_entries(
    client, add_page, bound
):
    """The bound is found among the newest entries (then it is the whole index's), and the
    counts and the ranking read its candidates there: nothing reads the whole index's FTS5
    table, whose doclists grow with the archive."""
    for n in range(BOUND * 3):
        add_page(f"Thông báo tuyển dụng đợt {n}", revision=False)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tim-kiem/", {"q": "tuyen dung"})
    assert response.context["capped"]
    matching = [q["sql"] for q in queries if " MATCH " in q["sql"]]
    whole_index = [sql for sql in matching if "wagtailsearch_indexentry_fts MATCH" in sql]
    # Only the bound's statement names it, in a fallback SQLite does not run here.
    assert len(whole_index) == 1 and "CASE WHEN r IS NULL" in whole_index[0]
    pages = [sql for sql in matching if "wagtailcore_page" in sql]
    assert pages and all(f"{recent.RECENT_TABLE} MATCH" in sql for sql in pages)


def test_a_bound_older_than_the_newest_entries_is_found_in_the_whole_index(
    client, add_page, bound, monkeypatch
):
    """Too few matches among the newest entries, more in the whole index: the bound comes from
    the whole index (same statement) and the hits are those of a search that found it among
    the newest entries."""
    for n in range(BOUND * 3):
        add_page(f"Thông báo tuyển dụng đợt {n}", revision=False)
    newest_hits, _ = ranked(client)
    for n in range(3):
        add_page(f"Lịch công tác tuần {n}", revision=False)
    # The table keeps only the 3 newest entries (none matches): as if the window were 3.
    newest_id = _one(recent.NEWEST_ID_SQL)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {recent.RECENT_TABLE} WHERE rowid <= %s", [newest_id - 3])  # noqa: S608
    monkeypatch.setattr(recent, "RECENT_ENTRIES", 3)
    hits, ranking = ranked(client)
    assert not any(recent.RECENT_TABLE in sql for sql in ranking)
    assert hits == newest_hits
