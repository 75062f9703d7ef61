"""Exact number lookup: the number typed any common way puts the document first."""

from datetime import date

import pytest

from resolutions.numbers import find_by_number, number_key, number_lead, tokens
from tests.public_pages import page_html

from .conftest import make_document


@pytest.mark.db_independent
def test_numbers_normalise_to_the_same_key():
    key = number_key("02-NQ/TW")
    assert key == " 2 nq tw "
    assert number_key("02/NQ-TW") == key
    assert number_key("2 nq tw") == key
    assert number_key("02-nq/tw") == key
    assert number_key("38/HD-TLĐ") == " 38 hd tld "
    assert number_key("") == ""
    assert number_lead("1734/CTr-TLĐ") == "1734"
    assert number_lead("NQ/TW") == ""


@pytest.mark.db_independent
def test_type_written_in_words_becomes_its_abbreviation():
    assert tokens("Nghị quyết số 02", query=True) == ["nq", "2"]
    assert tokens("quyết định 2399", query=True) == ["qd", "2399"]
    assert tokens("Hướng dẫn 38", query=True) == ["hd", "38"]


@pytest.fixture
def documents(library, politburo, confederation):
    target = make_document(
        library,
        title="Nghị quyết về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam",
        number="02-NQ/TW",
        doc_type="nghi-quyet",
        issuing_body=politburo,
        date_issued=date(2021, 6, 12),
    )
    # Look-alikes that a naive search could rank first.
    make_document(library, number="20-NQ/TW", doc_type="nghi-quyet", date_issued=date(2023, 1, 1))
    make_document(library, number="02/KH-TLĐ", date_issued=date(2024, 1, 1))
    make_document(library, number="102/NQ-TLĐ", date_issued=date(2024, 2, 1))
    make_document(
        library,
        number="5/HD-TLĐ",
        title="Hướng dẫn thực hiện Nghị quyết 02 NQ TW",
        summary="Nhắc đến nq 02 tw nhiều lần: nq 02 tw, 02 nq tw.",
        date_issued=date(2024, 3, 1),
    )
    return target


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["02-NQ/TW", "02/NQ-TW", "nq 02", "02 nq tw", "Nghị quyết 02", "NGHI QUYET SO 02"]
)
def test_find_by_number_puts_the_document_first(documents, query):
    results = list(find_by_number(query))
    assert results[0].pk == documents.pk
    numbers = {r.number for r in results}
    assert "20-NQ/TW" not in numbers
    assert "02/KH-TLĐ" not in numbers
    assert "102/NQ-TLĐ" not in numbers


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["02-NQ/TW", "02/NQ-TW", "nq 02", "02 nq tw", "Nghị quyết 02"])
def test_library_search_box_puts_the_document_first(client, documents, query):
    html = page_html(client, "/van-ban/", {"q": query})
    first = html.index('class="card__title"')
    assert html[first : first + 200].count(documents.url) == 1


@pytest.mark.django_db
def test_lookup_is_one_query_and_ignores_drafts(documents, django_assert_max_num_queries):
    draft = make_document(documents.get_parent(), number="02-NQ/ĐH", publish=False)
    # public() reads the view restrictions, then one indexed lookup.
    with django_assert_max_num_queries(2):
        results = list(find_by_number("nq 02"))
    assert draft.pk not in {r.pk for r in results}


@pytest.mark.django_db
def test_text_without_a_number_is_not_a_number_lookup(documents):
    assert list(find_by_number("nghị quyết")) == []
    assert list(find_by_number("")) == []
