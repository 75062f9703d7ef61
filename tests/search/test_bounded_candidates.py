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
