"""What a reader types into a search box: a query of only punctuation is "no query" on every
search of the site, and an over-long one is cut with a Vietnamese note, never an error."""

import re
import runpy
from pathlib import Path

import pytest
from django.conf import settings

from search.text import MAX_QUERY_LENGTH, query_was_cut, searchable_query
from tests.public_pages import page_html

pytestmark = pytest.mark.django_db

PUNCTUATION = ["!!!", "/", "…", "“”", "- - -", "?", ".,;:"]


@pytest.mark.parametrize("typed", PUNCTUATION)
def test_punctuation_only_is_no_query(typed):
    assert searchable_query(typed) == ""


def test_words_stay_a_query():
    assert searchable_query("  02-NQ/TW ") == "02-NQ/TW"
    assert searchable_query("Đại hội!!!") == "Đại hội!!!"


@pytest.mark.parametrize("typed", ["!!!", "/", "…"])
def test_every_search_box_treats_punctuation_as_no_query(demo_site, client, typed):
    from campaigns.models import Partner
    from resolutions.models import ResolutionPage

    search = client.get("/tim-kiem/", {"q": typed}).content.decode()
    assert "kết quả cho" not in search
    assert "Nhập từ khóa để tìm" in search

    library = client.get("/van-ban/", {"q": typed}).content.decode()
    shown = len(re.findall(r'class="card doc-card"', library))
    assert shown == min(ResolutionPage.objects.live().public().count(), 20) > 0
    assert "Không tìm thấy văn bản" not in library
    assert "Xóa bộ lọc" not in library

    partners = client.get("/vi-phuc-loi-doan-vien/", {"q": typed}).content.decode()
    assert Partner.objects.current().exists()
    assert "partner-card" in partners


def test_an_over_long_query_is_cut_with_a_vietnamese_note(demo_site, client):
    long_query = "công đoàn viên chức " * 40  # 800 characters, ~3.7 KB percent-encoded
    assert query_was_cut(long_query)
    html = page_html(client, "/tim-kiem/", {"q": long_query})
    assert f"Từ khóa dài quá {MAX_QUERY_LENGTH} ký tự" in html
    assert "kết quả cho" in html
    short = client.get("/tim-kiem/", {"q": "công đoàn"}).content.decode()
    assert "Từ khóa dài quá" not in short


def test_every_search_box_has_a_maxlength(demo_site, client):
    html = client.get("/").content.decode()
    header_box = re.search(r'<input id="header-search-q"[^>]*>', html).group(0)
    assert f'maxlength="{MAX_QUERY_LENGTH}"' in header_box
    for url in ("/tim-kiem/?q=cong+doan", "/van-ban/", "/vi-phuc-loi-doan-vien/"):
        page = client.get(url).content.decode()
        boxes = re.findall(r'<input[^>]*type="search"[^>]*>', page)
        assert boxes, url
        for box in boxes:
            assert re.search(r'maxlength="\d+"', box), (url, box)


def test_gunicorn_accepts_the_longest_query_a_box_can_send():
    """200 of the longest Vietnamese letters, percent-encoded, fit gunicorn's request line."""
    conf = runpy.run_path(str(Path(settings.BASE_DIR, "gunicorn.conf.py")))
    from urllib.parse import quote

    line = f"GET /tim-kiem/?q={quote('ặ' * MAX_QUERY_LENGTH)}&loai=tin-tuc&page=2 HTTP/1.1"
    assert len(line.encode()) < conf["limit_request_line"] <= 8190
