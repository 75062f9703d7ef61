"""The library page: filters kept in the URL, noindex on combinations, pagination, budgets."""

import re
from datetime import date

import pytest

from resolutions.factories import CongressPageFactory
from resolutions.generate import generate_documents
from resolutions.models import DocumentStatus

from .conftest import make_document, titles

NOINDEX = '<meta name="robots" content="noindex">'


@pytest.fixture
def congress(library):
    return CongressPageFactory(
        parent=library,
        title="Đại hội XIII Công đoàn Việt Nam, nhiệm kỳ 2023–2028",
        slug="dai-hoi-xiii",
        short_name="Đại hội XIII",
    )


@pytest.fixture
def shelf(library, congress, politburo, confederation):
    """Five documents that differ in one facet each."""
    expired = {"status": DocumentStatus.EXPIRED}
    for parent, title, number, doc_type, body, issued, extra in [
        (library, "A Nghị quyết Bộ Chính trị 2021", "02-NQ/TW", "nghi-quyet", politburo,
         date(2021, 6, 12), {"date_effective": date(2021, 6, 12)}),
        (library, "B Hướng dẫn Tổng Liên đoàn 2022", "38/HD-TLĐ", "huong-dan", confederation,
         date(2022, 3, 15), {"date_effective": date(2024, 5, 1)}),
        (library, "C Quyết định hết hiệu lực 2022", "7/QĐ-TLĐ", "quyet-dinh", confederation,
         date(2022, 9, 1), expired),
        (congress, "D Nghị quyết Đại hội XIII", "", "nghi-quyet", confederation,
         date(2023, 12, 3), {}),
        (library, "E Chương trình Tổng Liên đoàn 2021", "1734/CTr-TLĐ", "chuong-trinh",
         confederation, date(2021, 9, 1), {}),
    ]:  # fmt: skip
        make_document(
            parent,
            title=title,
            number=number,
            doc_type=doc_type,
            issuing_body=body,
            date_issued=issued,
            **extra,
        )


@pytest.mark.django_db
def test_library_lists_every_document_newest_first(client, shelf):
    response = client.get("/van-ban/")
    assert titles(response) == [
        "D Nghị quyết Đại hội XIII",
        "C Quyết định hết hiệu lực 2022",
        "B Hướng dẫn Tổng Liên đoàn 2022",
        "E Chương trình Tổng Liên đoàn 2021",
        "A Nghị quyết Bộ Chính trị 2021",
    ]
    html = response.content.decode()
    assert NOINDEX not in html
    assert '<form class="filters doc-filters" method="get"' in html


FILTERS = [
    ({"loai": "nghi-quyet"}, ["D Nghị quyết Đại hội XIII", "A Nghị quyết Bộ Chính trị 2021"]),
    ({"co_quan": "bo-chinh-tri"}, ["A Nghị quyết Bộ Chính trị 2021"]),
    ({"nam": "2022"}, ["C Quyết định hết hiệu lực 2022", "B Hướng dẫn Tổng Liên đoàn 2022"]),
    ({"tinh_trang": "het-hieu-luc"}, ["C Quyết định hết hiệu lực 2022"]),
    ({"bo_suu_tap": "dai-hoi-xiii"}, ["D Nghị quyết Đại hội XIII"]),
]


@pytest.mark.django_db
def test_each_filter_alone_stays_indexable(client, shelf):
    """Each filter of FILTERS on the same shelf (built once: most of the test's cost)."""
    for params, expected in FILTERS:
        response = client.get("/van-ban/", params)
        assert titles(response) == expected, params
        html = response.content.decode()
        assert NOINDEX not in html, params
        # The chosen value is kept in the form (the URL is the state).
        name, value = next(iter(params.items()))
        assert re.search(rf'<option value="{value}" selected>', html), name
        # A single facet is a page of its own: its canonical URL keeps the facet.
        assert re.search(
            rf'<link rel="canonical" href="https?://[^/"]+/van-ban/\?{name}={value}">', html
        ), name


@pytest.mark.django_db
def test_two_facets_combine_and_send_noindex(client, shelf):
    response = client.get("/van-ban/", {"loai": "nghi-quyet", "nam": "2021"})
    assert titles(response) == ["A Nghị quyết Bộ Chính trị 2021"]
    assert NOINDEX in response.content.decode()
    assert re.search(r'<link rel="canonical" href="[^"?]+/van-ban/">', response.content.decode())

    response = client.get(
        "/van-ban/",
        {
            "co_quan": "tong-lien-doan-lao-dong-viet-nam",
            "tinh_trang": "con-hieu-luc",
            "nam": "2021",
        },
    )
    assert titles(response) == ["E Chương trình Tổng Liên đoàn 2021"]
    assert NOINDEX in response.content.decode()

    response = client.get("/van-ban/", {"bo_suu_tap": "dai-hoi-xiii", "loai": "huong-dan"})
    assert titles(response) == []
    html = response.content.decode()
    assert NOINDEX in html
    assert "Không tìm thấy văn bản phù hợp" in html


@pytest.mark.django_db
def test_sort_by_effective_date(client, shelf):
    names = titles(client.get("/van-ban/", {"sap_xep": "ngay-hieu-luc"}))
    # B was issued in 2022 but takes effect in 2024: first by effective date.
    assert names[0] == "B Hướng dẫn Tổng Liên đoàn 2022"
    assert titles(client.get("/van-ban/", {"sap_xep": "ngay-ban-hanh"}))[0] == (
        "D Nghị quyết Đại hội XIII"
    )


@pytest.mark.django_db
def test_bad_filter_value_is_ignored_with_a_vietnamese_message(client, shelf):
    response = client.get("/van-ban/", {"loai": "khong-co", "co_quan": "ai-do", "nam": "abc"})
    assert len(titles(response)) == 5
    html = response.content.decode()
    assert "Một số giá trị lọc không hợp lệ" in html
    assert "Cơ quan ban hành này không có trong danh sách." in html


@pytest.mark.django_db
def test_search_box_searches_inside_the_library_with_or_without_accents(client, shelf):
    assert titles(client.get("/van-ban/", {"q": "huong dan tong lien doan"})) == [
        "B Hướng dẫn Tổng Liên đoàn 2022"
    ]
    response = client.get("/van-ban/", {"q": "Hướng dẫn"})
    assert titles(response)[0] == "B Hướng dẫn Tổng Liên đoàn 2022"
    assert NOINDEX in response.content.decode()
    # Search combines with a facet.
    assert titles(client.get("/van-ban/", {"q": "nghi quyet", "nam": "2023"})) == [
        "D Nghị quyết Đại hội XIII"
    ]


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
