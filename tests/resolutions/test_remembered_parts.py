"""The library's count and its list of years are remembered until the next purge
(portal/pagecache/memo.py); they follow every publish and unpublish (page cache off)."""

import re
from datetime import date

import pytest

from resolutions.models import RelationType, ResolutionRelation

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
        related=[ResolutionRelation(relation_type=RelationType.IMPLEMENTS, target=resolution)],
    )
    html = client.get(resolution.url).content.decode()
    assert "Được hướng dẫn, triển khai bởi:" in html and "1734/CTr-TLĐ" in html
