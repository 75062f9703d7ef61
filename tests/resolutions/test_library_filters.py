"""The library page's filters (kept in the URL, noindex on combinations), sort and search, on one
shelf of five documents made once for the module."""

import re
from datetime import date

import pytest

from resolutions.factories import (
    CongressPageFactory,
    DocumentLibraryPageFactory,
    IssuingBodyFactory,
)
from resolutions.models import DocumentStatus

from .conftest import make_document, titles

NOINDEX = '<meta name="robots" content="noindex">'


@pytest.fixture(scope="module")
def _shelf(django_db_setup, django_db_blocker, tmp_path_factory):
    """Five documents that differ in one facet each, in the library, made once for this module's
    tests (they only read them): in a transaction rolled back after the last one; each test's own
    writes (renditions, the query log) are rolled back after it (a savepoint inside it). Built for
    each test before: 2 s of each test on PostgreSQL."""
    from django.db import transaction
    from django.test import override_settings
    from wagtail.models import Site

    media = tmp_path_factory.mktemp("shelf-media")
    generation = tmp_path_factory.mktemp("shelf-generation") / "page-cache-generation"
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(MEDIA_ROOT=media, PAGE_CACHE_GENERATION_FILE=str(generation)),
    ):
        home = Site.objects.get(is_default_site=True).root_page.specific
        library = DocumentLibraryPageFactory(parent=home)
        politburo = IssuingBodyFactory(name="Bộ Chính trị", short_name="BCT")
        # Made by the migration resolutions/0004: found, not created (get or create by name).
        confederation = IssuingBodyFactory(
            name="Tổng Liên đoàn Lao động Việt Nam", short_name="TLĐ"
        )
        congress = CongressPageFactory(
            parent=library,
            title="Đại hội XIII Công đoàn Việt Nam, nhiệm kỳ 2023–2028",
            slug="dai-hoi-xiii",
            short_name="Đại hội XIII",
        )
        stock(library, congress, politburo, confederation)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def shelf(_shelf, db):
    """The shelf of five documents (_shelf), inside this test's transaction."""


def stock(library, congress, politburo, confederation):
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
