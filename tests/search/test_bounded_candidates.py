"""A query that matches more pages than the candidate bound is answered from its newest matches
(search.bounds.SEARCH_CANDIDATES): the reader is told there are more, the pages shown are the
newest, and a cold search runs the same queries with few matches and with many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import bounds

pytestmark = pytest.mark.django_db

BOUND = 5


@pytest.fixture
def bound(monkeypatch, settings):
    monkeypatch.setattr(bounds, "SEARCH_CANDIDATES", BOUND)
    settings.FRAGMENT_CACHE_ENABLED = False  # every search computed, never recalled


def test_few_matches_are_all_shown_and_counted_exactly(client, add_page, bound):
    for n in range(BOUND - 1):
        add_page(f"Thông báo tuyển dụng số {n}")
    response = client.get("/tim-kiem/", {"q": "tuyen dung"})
    html = response.content.decode()
    assert response.context["total"] == BOUND - 1
    assert "Hơn" not in html and f"{BOUND - 1} kết quả cho" in html


def test_many_matches_show_the_newest_and_say_there_are_more(client, add_page, bound):
    pages = [add_page(f"Thông báo tuyển dụng số {n}") for n in range(BOUND + 4)]
    response = client.get("/tim-kiem/", {"q": "tuyen dung"})
    html = response.content.decode()
    assert response.context["capped"]
    assert "Hơn" in html and "thêm từ khóa để thu hẹp" in html
    shown = {hit.title for hit in response.context["results"].object_list}
    newest = {page.title for page in pages[-BOUND:]}
    assert shown <= newest and len(shown) >= BOUND - 1
    assert pages[0].title not in html


def test_a_cold_search_runs_as_many_queries_with_many_matches(client, add_page, bound):
    for n in range(BOUND - 1):
        add_page(f"Thông báo tuyển dụng số {n}", revision=False)
    client.get("/")
    client.get("/tim-kiem/", {"q": "tuyen dung"})
    with CaptureQueriesContext(connection) as few:
        client.get("/tim-kiem/", {"q": "tuyen dung"})
    for n in range(BOUND * 4):
        add_page(f"Thông báo tuyển dụng đợt {n}", revision=False)
    client.get("/tim-kiem/", {"q": "tuyen dung"})
    with CaptureQueriesContext(connection) as many:
        client.get("/tim-kiem/", {"q": "tuyen dung"})
    # The bound is found by the same statement with few matches and with many (on SQLite with
    # whether the newest entries hold the candidates); nothing grows with the matches.
    assert len(many) <= len(few)


def test_postgresql_ranks_the_candidates_the_counts_chose_with_the_same_results(
    client, add_page, bound, monkeypatch
):
    """On PostgreSQL the query that finds the newest matches (the bound, the counts per type)
    also reads each one's title score, and the ranking scores in full the best of them by it
    instead of choosing them again in a subquery (which joined every candidate to its index
    entry a second time: ~5 ms at 10,000 articles). Same hits in the same order as when the
    ranking chooses them itself, on every page of the results."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: run with DATABASE_URL=postgres://…")
    from search import engine, postgres_backend

    monkeypatch.setattr(postgres_backend, "RANK_CANDIDATES", 4)
    for n in range(BOUND * 3):
        words = "tuyển dụng " * (n % 3 + 1)
        add_page(f"Thông báo {words}đợt {n}", revision=False)
    add_page("Tuyển dụng", revision=False)

    def shown(**params):
        pages = []
        for page in (1, 2, 3):
            response = client.get("/tim-kiem/", {"q": "tuyen dung", "page": page, **params})
            if response.status_code != 200:
                break
            pages.append([hit.title for hit in response.context["results"].object_list])
        return pages

    with CaptureQueriesContext(connection) as handed:
        ours = shown()
    page_ranking = [
        q["sql"]
        for q in handed.captured_queries
        if q["sql"].startswith('SELECT "wagtailcore_page"') and "ts_rank" in q["sql"]
    ]
    # The newest matches with their title scores, then the ranking, without a subquery.
    assert len(page_ranking) >= 2 and not any("LIMIT 4)" in sql for sql in page_ranking)
    monkeypatch.setattr(engine, "with_candidates", lambda results, candidates: results)
    assert ours == shown() and ours[0]
