"""The library page: pagination that keeps the filters, query budgets (its filters, sort and search
on one shelf of documents: test_library_filters.py)."""

import pytest

from resolutions.generate import generate_documents

from .conftest import titles


@pytest.mark.django_db
def test_pagination_keeps_filters_and_bad_pages_are_404(client, library):
    generate_documents(45, seed=7)
    response = client.get("/van-ban/", {"sap_xep": "ngay-hieu-luc"})
    html = response.content.decode()
    assert len(titles(response)) == 20
    assert 'href="?sap_xep=ngay-hieu-luc&amp;page=2"' in html
    assert len(titles(client.get("/van-ban/", {"page": "3"}))) == 5
    for bad in ("4", "0", "abc", "-1", "1.5"):
        assert client.get("/van-ban/", {"page": bad}).status_code == 404, bad


def _library_budget(client, django_assert_max_num_queries, params):
    # Budget, whatever the number of documents: site, routing and the served page's view
    # restrictions (~6), view restrictions for the listing (1), form choices: years, collections,
    # issuing bodies (3), count (1), page of documents with their issuing body (1), breadcrumb
    # (1), site settings and main menu of base.html (3), plus the look-ups that validate the
    # chosen issuing body and collection (2).
    with django_assert_max_num_queries(18):
        response = client.get("/van-ban/", params)
    assert response.status_code == 200
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 100])
@pytest.mark.parametrize(
    "params",
    [
        {},
        {
            "loai": "nghi-quyet",
            "co_quan": "tong-lien-doan-lao-dong-viet-nam",
            "nam": "2020",
            "bo_suu_tap": "dai-hoi-xiii",
            "sap_xep": "ngay-hieu-luc",
        },
        {"q": "phát triển đoàn viên"},
        {"q": "105/NQ-TLĐ"},
    ],
)
def test_library_query_budget_does_not_grow(
    client, library, django_assert_max_num_queries, count, params
):
    generate_documents(count, seed=11)
    client.get("/van-ban/")  # warm per-process caches (content types, site root paths)
    response = _library_budget(client, django_assert_max_num_queries, params)
    if not params:
        assert len(titles(response)) == min(count, 20)
