"""No English plural after a Vietnamese word: Django appends "s" to a model's verbose_name when it
has no verbose_name_plural, and the search filters, the admin and the sitemap show it."""

import re

import pytest
from django.apps import apps

from .visible import shown_strings

PROJECT_APPS = {"home", "news", "resolutions", "campaigns", "search", "portal"}
# A word with a Vietnamese letter (or a closing bracket) followed by an "s": Vietnamese words
# never end in s, so this is Django's English plural.
ENGLISH_PLURAL = re.compile(r"(?:\w*[^\x00-\x7f]\w*|\))s\b")


@pytest.mark.db_independent
def test_the_pattern_finds_english_plurals_only():
    assert ENGLISH_PLURAL.search("Trang chiến dịchs (3)")
    assert ENGLISH_PLURAL.search("Bộ sưu tập văn bản (Đại hội)s")
    assert not ENGLISH_PLURAL.search("Chương trình Vì phúc lợi đoàn viên (9), news, RSS")


@pytest.mark.db_independent
def test_every_project_model_has_a_vietnamese_plural():
    missing = [
        model._meta.label
        for model in apps.get_models()
        if model.__module__.split(".")[0] in PROJECT_APPS
        and "verbose_name_plural" not in model._meta.original_attrs
    ]
    assert missing == []


@pytest.mark.django_db
def test_no_page_shows_an_english_plural(site_crawl):
    searched = [url for url, _status, _html in site_crawl.html_pages() if "/tim-kiem/?q=" in url]
    assert any("cong+doan" in url for url in searched)
    found = [
        f"{url} {where}: {text!r}"
        for url, _status, html in site_crawl.html_pages()
        for where, text in shown_strings(html)
        if ENGLISH_PLURAL.search(text)
    ]
    assert found == []


@pytest.mark.django_db
def test_search_filters_are_labelled_in_vietnamese(site_crawl):
    from bs4 import BeautifulSoup

    _status, _type, html = site_crawl.pages["/tim-kiem/?q=cong+doan"]
    labels = [
        link.get_text(" ", strip=True)
        for link in BeautifulSoup(html, "html.parser").select(".search-types a")
    ]
    assert len(labels) >= 4
    assert not [label for label in labels if ENGLISH_PLURAL.search(label)]
