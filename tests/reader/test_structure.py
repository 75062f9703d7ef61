"""The outline of every public page: one h1, and no heading level skipped (a screen reader user
jumps by headings; Lighthouse and the Nu checker flag a skip)."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def heading_levels(html):
    soup = BeautifulSoup(html, "html.parser")
    return [
        (int(tag.name[1]), tag.get_text(" ", strip=True))
        for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    ]


def outline_problems(html):
    problems = []
    levels = heading_levels(html)
    h1s = [text for level, text in levels if level == 1]
    if len(h1s) != 1:
        problems.append(f"{len(h1s)} h1")
    previous = 0
    for level, text in levels:
        if level > previous + 1:
            problems.append(f"h{previous} → h{level} ({text[:40]!r})")
        previous = level
    return problems


def test_the_outline_check_finds_skips():
    assert outline_problems("<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2>") == []
    assert outline_problems("<h1>A</h1><h3>B</h3>") == ["h1 → h3 ('B')"]
    assert outline_problems("<h2>A</h2>") == ["0 h1", "h0 → h2 ('A')"]


def test_no_public_page_skips_a_heading_level(site_crawl):
    found = [
        f"{url}: {problem}"
        for url, status, html in site_crawl.html_pages()
        if status == 200
        for problem in outline_problems(html)
    ]
    assert found == []
