"""A query's counts and ranked window are remembered until the next purge (search/engine.py,
portal/pagecache/memo.py): what readers find follows every publish, unpublish and privacy
change at once, and a repeated query does not repeat the ranking."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def found(client, query="tuyển dụng"):
    return client.get("/tim-kiem/", {"q": query}).content.decode()


def test_results_follow_publishing_unpublishing_and_privacy(client, add_page):
    add_page("Thông báo tuyển dụng năm 2024")
    assert "1 kết quả" in found(client)
    later = add_page("Thông báo tuyển dụng năm 2025")
    html = found(client)
    assert "2 kết quả" in html and "năm 2025" in html
    PageViewRestriction.objects.create(page=later, restriction_type="password", password="x")
    html = found(client)
    assert "1 kết quả" in html and "năm 2025" not in html
    PageViewRestriction.objects.filter(page=later).delete()
    assert "năm 2025" in found(client)
    later.unpublish()
    html = found(client)
    assert "1 kết quả" in html and "năm 2025" not in html


def test_a_repeated_query_is_not_ranked_again(client, add_page, settings):
    for year in range(2020, 2025):
        add_page(f"Thông báo tuyển dụng năm {year}")
    first = found(client)
    with CaptureQueriesContext(connection) as repeated:
        again = found(client)
    assert again.count("năm 20") == first.count("năm 20") >= 5
    settings.FRAGMENT_CACHE_ENABLED = False
    with CaptureQueriesContext(connection) as cold:
        assert found(client).count("năm 20") == first.count("năm 20")
    assert len(repeated) < len(cold)
