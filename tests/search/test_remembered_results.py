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
    found(client)  # remembered from here (the first search also created its query-log rows)
    with CaptureQueriesContext(connection) as repeated:
        again = found(client)
    assert again.count("năm 20") == first.count("năm 20") >= 5
    settings.FRAGMENT_CACHE_ENABLED = False
    with CaptureQueriesContext(connection) as cold:
        assert found(client).count("năm 20") == first.count("năm 20")
    assert len(repeated) < len(cold)


def titles(client, query="tuyển dụng", **params):
    response = client.get("/tim-kiem/", {"q": query, **params})
    assert response.status_code == 200
    return [hit.title for hit in response.context["results"].object_list]


def test_remembered_pages_of_results_follow_edits_and_unpublishing(client, add_page, settings):
    settings.PAGE_CACHE_ENABLED = False
    pages = [add_page(f"Thông báo tuyển dụng đợt {n}") for n in range(1, 16)]
    first, second = titles(client), titles(client, page=2)
    assert titles(client) == first and titles(client, page=2) == second  # remembered
    assert len(first) == 10 and len(second) == 5
    assert sorted(first + second) == sorted(page.title for page in pages)

    # An edit (a new revision published) shows at once, highlighted like any other title.
    edited = next(page for page in pages if page.title == first[0])
    edited.title = "Thông báo tuyển dụng bổ sung"
    edited.save_revision().publish()
    html = client.get("/tim-kiem/", {"q": "tuyen dung"}).content.decode()
    assert "<mark>tuyển</mark> <mark>dụng</mark> bổ sung" in html
    assert "Thông báo tuyển dụng bổ sung" in titles(client) + titles(client, page=2)
    assert first[0] not in titles(client) + titles(client, page=2)

    # Unpublishing a page of page 1 moves a hit of page 2 up; nothing is shown twice.
    gone = next(page for page in pages if page.title == first[1])
    gone.unpublish()
    first, second = titles(client), titles(client, page=2)
    assert gone.title not in first + second
    assert len(first) == 10 and len(second) == 4
    assert len(set(first + second)) == 14

    # A new page appears in the remembered list and in the counts.
    add_page("Thông báo tuyển dụng đợt cuối")
    assert "15 kết quả" in client.get("/tim-kiem/", {"q": "tuyển dụng"}).content.decode()
    assert "Thông báo tuyển dụng đợt cuối" in titles(client) + titles(client, page=2)


def test_remembered_hits_are_the_hits_computed_afresh(client, add_page, settings):
    """Same HTML from remembered hits as from hits built for the request (memo off)."""
    settings.PAGE_CACHE_ENABLED = False
    for n in range(1, 13):
        add_page(f"Hội nghị tuyển dụng lần {n}")
    urls = [
        {"q": "hoi nghi"},
        {"q": "hội nghị", "page": 2},
        {"q": "HỘI NGHỊ", "loai": "wagtailcore.page"},
    ]
    remembered = []
    for params in urls:
        client.get("/tim-kiem/", params)
        remembered.append(client.get("/tim-kiem/", params).content)
    settings.FRAGMENT_CACHE_ENABLED = False
    assert [client.get("/tim-kiem/", params).content for params in urls] == remembered


def test_a_remembered_hit_still_gives_its_object(client, add_page):
    page = add_page("Thông báo tuyển dụng năm 2024")
    client.get("/tim-kiem/", {"q": "tuyển dụng"})
    (hit,) = client.get("/tim-kiem/", {"q": "tuyển dụng"}).context["results"].object_list
    assert hit.html and hit.obj.pk == page.pk


@pytest.mark.parametrize("count", [15, 60])
def test_a_repeated_search_runs_a_few_queries_whatever_the_content(
    client, add_page, count, django_assert_max_num_queries
):
    for n in range(count):
        add_page(f"Thông báo tuyển dụng số {n}", revision=False)
    client.get("/")  # the first render creates the site's settings rows (a purge)
    for page in ("1", "2"):
        client.get("/tim-kiem/", {"q": "tuyen dung", "page": page})
        # The promoted queries (promotions do not purge, so they are read every time) and the
        # query log's UPDATE (page 1 only); the page chrome is remembered too.
        with django_assert_max_num_queries(2):
            response = client.get("/tim-kiem/", {"q": "tuyen dung", "page": page})
        assert response.context["total"] == count
