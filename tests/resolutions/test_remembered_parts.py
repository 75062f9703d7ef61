"""The library's count and its list of years are remembered until the next purge
(portal/pagecache/memo.py); they follow every publish and unpublish (page cache off)."""

import re
from datetime import date

import pytest

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
