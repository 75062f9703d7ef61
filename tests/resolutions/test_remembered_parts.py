"""The library's count, its list of years, its filter fields and its list of results are
remembered until the next purge (portal/pagecache/memo.py); they follow every publish and
unpublish (page cache off)."""

import re
from datetime import date

import pytest

from resolutions.generate import generate_documents
from resolutions.models import RelationType
from tests.public_pages import card_titles

from .conftest import make_document

pytestmark = pytest.mark.django_db


def years_and_count(client, library):
    html = client.get(library.url).content.decode()
    years = re.findall(r'<option value="(\d{4})"', html)
    count = re.search(r'class="doc-results__count"[^>]*>\s*(\d+) văn bản', html).group(1)
    return years, int(count)


def test_years_and_count_follow_publishing_and_unpublishing(client, library):
    make_document(library, date_issued=date(2022, 5, 1))
    assert years_and_count(client, library) == (["2022"], 1)
    older = make_document(library, date_issued=date(2019, 3, 2))
    assert years_and_count(client, library) == (["2022", "2019"], 2)
    older.unpublish()
    assert years_and_count(client, library) == (["2022"], 1)


def test_a_document_page_follows_new_relations_and_renders_again_without_queries(
    client, library, django_assert_num_queries
):
    resolution = make_document(library, title="Nghị quyết gốc", number="02-NQ/TW")
    client.get("/")  # creates the site settings row (a purge)
    client.get(resolution.url)
    with django_assert_num_queries(0):
        html = client.get(resolution.url).content.decode()
    assert "Được hướng dẫn, triển khai bởi:" not in html
    make_document(
        library,
        title="Chương trình thực hiện",
        number="1734/CTr-TLĐ",
        related=[(RelationType.IMPLEMENTS, resolution)],
    )
    html = client.get(resolution.url).content.decode()
    assert "Được hướng dẫn, triển khai bởi:" in html and "1734/CTr-TLĐ" in html


def filter_fields(html):
    start = html.index('<form class="filters doc-filters"')
    return html[start : html.index("</form>", start)]


def selected(html, name):
    select = re.search(rf'<select name="{name}".*?</select>', filter_fields(html), re.S).group(0)
    return re.findall(r'<option value="([^"]*)"[^>]*selected', select)


def test_kept_filter_fields_show_each_visitors_own_choice_and_words(client, library, politburo):
    make_document(library, doc_type="nghi-quyet", issuing_body=politburo)
    for _ in range(2):  # rendered, then kept
        assert selected(
            client.get(library.url, {"loai": "nghi-quyet"}).content.decode(), "loai"
        ) == ["nghi-quyet"]
        assert selected(client.get(library.url, {"loai": "ke-hoach"}).content.decode(), "loai") == [
            "ke-hoach"
        ]
        assert selected(client.get(library.url).content.decode(), "loai") == [""]
    box = re.compile(r'<input type="search" name="q" value="([^"]*)"')
    assert box.search(client.get(library.url, {"q": "tiền lương"}).content.decode()).group(1) == (
        "tiền lương"
    )
    assert not box.search(filter_fields(client.get(library.url, {"q": ""}).content.decode()))


def test_kept_filter_fields_never_carry_an_error_to_another_visitor(client, library):
    make_document(library)
    bad = client.get(library.url, {"loai": "khong-co"}).content.decode()
    assert "form-field--error" in filter_fields(bad)
    for _ in range(2):
        good = client.get(library.url, {"loai": "ke-hoach"}).content.decode()
        assert "form-field--error" not in filter_fields(good)
    assert "form-field--error" in filter_fields(
        client.get(library.url, {"loai": "khong-co"}).content.decode()
    )


def test_kept_filter_fields_follow_a_new_issuing_body_and_cost_no_query(
    client, library, politburo, django_assert_max_num_queries
):
    from resolutions.models import IssuingBody

    make_document(library, issuing_body=politburo)
    client.get("/")  # creates the site settings row (a purge)
    client.get(library.url)
    with django_assert_max_num_queries(0):  # the filter fields and the list are both kept
        html = client.get(library.url).content.decode()
    assert "Bộ Chính trị" in filter_fields(html)
    IssuingBody.objects.create(name="Ban Bí thư", short_name="BBT")
    assert "Ban Bí thư" in filter_fields(client.get(library.url).content.decode())


def test_kept_list_of_results_follows_edits_and_each_visitors_filters_and_page(
    client, library, politburo
):
    plan = make_document(library, title="Kế hoạch cũ", doc_type="ke-hoach")
    make_document(library, title="Nghị quyết mới", doc_type="nghi-quyet", issuing_body=politburo)
    for _ in range(2):  # rendered, then kept
        assert card_titles(client.get(library.url, {"loai": "ke-hoach"}).content.decode()) == [
            "Kế hoạch cũ"
        ]
        assert card_titles(client.get(library.url, {"loai": "nghi-quyet"}).content.decode()) == [
            "Nghị quyết mới"
        ]
    plan.title = "Kế hoạch đã sửa"
    plan.save_revision().publish()
    assert card_titles(client.get(library.url, {"loai": "ke-hoach"}).content.decode()) == [
        "Kế hoạch đã sửa"
    ]
    plan.unpublish()
    html = client.get(library.url, {"loai": "ke-hoach"}).content.decode()
    assert card_titles(html) == [] and "Không tìm thấy văn bản phù hợp" in html


def test_kept_list_of_results_never_hands_a_visitors_search_or_link_to_another(client, library):
    generate_documents(25, seed=3)
    make_document(library, title="Hướng dẫn tiền lương", date_issued=date(2000, 1, 1))
    found = client.get(library.url, {"q": "tien luong"}).content.decode()
    assert card_titles(found) == ["Hướng dẫn tiền lương"] and "cho “tien luong”" in found
    assert "cho “" not in client.get(library.url).content.decode()
    # A shared link's click identifier is in its own pagination links, never in anyone else's.
    shared = client.get(library.url, {"fbclid": "abc"}).content.decode()
    assert 'href="?fbclid=abc&amp;page=2"' in shared
    for _ in range(2):
        plain = client.get(library.url).content.decode()
        assert 'href="?page=2"' in plain and "fbclid" not in plain
        second = client.get(library.url, {"page": "2"}).content.decode()
        assert 'href="?page=1"' in second and "Trang 2/2" in second
        assert len(card_titles(second)) == 6 and "Hướng dẫn tiền lương" in card_titles(second)
