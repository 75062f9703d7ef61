"""Structured data on every page of the demo site: each JSON-LD block parses, carries the CSP
nonce, and each type has the properties Google documents as required (and the recommended ones
this site can fill)."""

import json
from collections import defaultdict
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

# Google's required properties, and the recommended ones the site always fills.
REQUIRED = {
    "NewsArticle": ["headline", "image", "datePublished", "dateModified", "author", "publisher"],
    "Legislation": [
        "name",
        "legislationIdentifier",
        "legislationDate",
        "legislationType",
        "legislationPassedBy",
        "legislationLegalForce",
    ],
    "Event": ["name", "startDate", "endDate", "location", "eventAttendanceMode", "eventStatus"],
    "Organization": ["name", "url"],
    "LocalBusiness": ["name", "address", "url"],
    "WebSite": ["name", "url", "potentialAction"],
    "BreadcrumbList": ["itemListElement"],
}


def json_ld_blocks(html):
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script", type="application/ld+json"):
        yield script.get("nonce"), json.loads(script.string)


def by_type(site_crawl):
    found = defaultdict(list)
    for url, status, html in site_crawl.html_pages():
        if status != 200:
            continue
        for nonce, data in json_ld_blocks(html):
            assert nonce, f"{url}: a JSON-LD block without the CSP nonce"
            assert data["@context"] == "https://schema.org", url
            found[data["@type"]].append((url, data))
    return found


def test_every_block_parses_and_has_the_required_properties(site_crawl):
    found = by_type(site_crawl)
    assert set(REQUIRED) - {"LocalBusiness", "Organization"} <= set(found)
    missing = [
        f"{url} {type_}: {name}"
        for type_, entries in found.items()
        for url, data in entries
        for name in REQUIRED.get(type_, [])
        if not data.get(name)
    ]
    assert missing == []


def test_news_articles(site_crawl):
    for url, data in by_type(site_crawl)["NewsArticle"]:
        assert data["image"][0].startswith("http"), url
        assert all(author.get("name") for author in data["author"]), url
        assert data["publisher"]["name"] and data["publisher"]["logo"]["url"].startswith("http")
        assert len(data["headline"]) <= 110


def test_every_document_has_an_identifier_even_without_a_number(site_crawl):
    from resolutions.models import ResolutionPage

    documents = by_type(site_crawl)["Legislation"]
    assert len(documents) == ResolutionPage.objects.live().public().count()
    congress = [data for url, data in documents if "/dai-hoi-xiii/" in url]
    assert congress, "the Congress XIII documents are in the crawl"
    for data in congress:
        assert data["legislationIdentifier"]
        assert data["legislationLegalForce"].startswith("https://schema.org/")


def test_events_declare_the_attendance_their_location_allows(site_crawl):
    events = by_type(site_crawl)["Event"]
    assert events
    modes = set()
    for url, data in events:
        mode = data["eventAttendanceMode"].rsplit("/", 1)[-1]
        modes.add(mode)
        locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
        kinds = {location["@type"] for location in locations}
        expected = {
            "OfflineEventAttendanceMode": {"Place"},
            "OnlineEventAttendanceMode": {"VirtualLocation"},
            "MixedEventAttendanceMode": {"Place", "VirtualLocation"},
        }[mode]
        assert kinds == expected, url
    assert "MixedEventAttendanceMode" in modes


def test_home_has_the_organization_and_the_site_search(site_crawl):
    _status, _type, html = site_crawl.pages["/"]
    nodes = {data["@type"]: data for _nonce, data in json_ld_blocks(html)}
    assert nodes["Organization"]["name"].casefold() == "công đoàn viên chức việt nam"
    assert nodes["Organization"]["logo"]["url"].startswith("http")
    action = nodes["WebSite"]["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert "{search_term_string}" in action["target"]["urlTemplate"]
    assert action["query-input"] == "required name=search_term_string"
    template = urlsplit(action["target"]["urlTemplate"].replace("{search_term_string}", "x"))
    assert template.path == "/tim-kiem/"


def test_every_page_showing_breadcrumbs_describes_them(site_crawl):
    problems = []
    for url, status, html in site_crawl.html_pages():
        if status != 200:
            continue
        soup = BeautifulSoup(html, "html.parser")
        shown = soup.select("ol.breadcrumb a[href]")
        if not shown:
            continue
        lists = [data for _n, data in json_ld_blocks(html) if data["@type"] == "BreadcrumbList"]
        if len(lists) != 1:
            problems.append(f"{url}: {len(lists)} BreadcrumbList")
            continue
        items = lists[0]["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        described = [urlsplit(item.get("item", "")).path for item in items]
        for link in shown:
            if urlsplit(link["href"]).path not in described:
                problems.append(f"{url}: crumb {link['href']} not in the BreadcrumbList")
        if urlsplit(items[-1].get("item", "")).path != urlsplit(url).path:
            problems.append(f"{url}: the trail does not end at the page")
    assert problems == []


def test_partner_pages_describe_the_partner_and_its_offer(site_crawl):
    from campaigns.models import Partner

    pages = [
        (url, html)
        for url, status, html in site_crawl.html_pages()
        if status == 200 and "/doi-tac/" in url
    ]
    assert len(pages) == Partner.objects.public().count()
    for url, html in pages:
        nodes = [
            d for _n, d in json_ld_blocks(html) if d["@type"] in ("Organization", "LocalBusiness")
        ]
        assert len(nodes) == 1, url
        offer = nodes[0]["makesOffer"]
        assert offer["@type"] == "Offer" and offer["description"], url
        if nodes[0]["@type"] == "LocalBusiness":
            assert nodes[0]["address"]["streetAddress"], url


def test_json_ld_cannot_be_closed_by_content():
    from portal.structured_data import dumps, scripts

    text = dumps({"name": "</script><script>alert(1)</script> & <b>"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & <b>"
    html = str(scripts([{"@type": "Thing", "name": "</script>", "empty": "", "none": None}], "n1"))
    assert html.count("</script>") == 1
    assert '"empty"' not in html and '"none"' not in html and 'nonce="n1"' in html
