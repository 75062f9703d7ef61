"""The editors' query log counts every search exactly (search/querylog.py)."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from search.querylog import count_search


@pytest.mark.django_db
def test_every_search_of_a_first_results_page_is_counted(client, add_page):
    add_page("Hội thảo khoa học")
    for query in ("Hội  Thảo", "hội thảo", "HỘI THẢO"):
        client.get("/tim-kiem/", {"q": query})
    client.get("/tim-kiem/", {"q": "hội thảo", "page": "1"})
    assert Query.get("hội thảo").hits == 4
    assert Query.objects.filter(query_string="hội thảo").count() == 1


@pytest.mark.django_db
def test_counted_like_wagtails_own_log(add_page):
    """Same rows as `Query.get(q).add_hit()`: normalised query, today's row, yesterday kept."""
    yesterday = timezone.now().date() - datetime.timedelta(days=1)
    Query.get("đại hội").add_hit(date=yesterday)
    for _ in range(3):
        count_search("Đại  Hội")
    Query.get("bầu cử").add_hit()
    count_search("bầu cử")
    rows = dict(
        QueryDailyHits.objects.filter(query__query_string="đại hội").values_list("date", "hits")
    )
    assert rows == {yesterday: 1, timezone.now().date(): 3}
    assert Query.get("bầu cử").hits == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: real concurrency")
@pytest.mark.django_db(transaction=True)
def test_concurrent_first_searches_of_a_new_query_are_all_counted():
    readers = 8
    start = threading.Barrier(readers)
    errors = []

    def search():
        try:
            start.wait()
            count_search("Công đoàn cơ sở mới")
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=search) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Query.objects.filter(query_string="công đoàn cơ sở mới").count() == 1
    assert Query.get("công đoàn cơ sở mới").hits == readers
