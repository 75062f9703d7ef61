"""What the page-cache tests share: the cache turned on for a test, the answer's cache status, and
what every test of a form page checks (two anonymous visitors, the second served from the cache,
never share the values that make a form theirs)."""

import re

from django.test import Client

TOKEN_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def page_cache_on(settings, tmp_path):
    """The page cache on, with its own generation file (other test runs may share the
    checkout's default file). The default site's setting row, which Wagtail creates on the first
    page view (a save, hence a purge), is created up front. Returns `settings`."""
    from wagtail.models import Site

    from home.models import SiteBranding

    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "page-cache-generation")
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        SiteBranding.for_site(site)
    return settings


def cache_status(response):
    """What the page cache did with the request: "hit", "miss", or None when it stood aside."""
    return response.headers.get("X-Page-Cache")


def two_visitors(url, started_field, assert_num_queries):
    """Two visitors open the form page at `url`: the first renders it, the second gets it from the
    cache without a query. Neither the CSRF token nor the signed start time (`started_field`) is
    handed to the second, and browsers and CDNs are told not to keep the page. Returns the second
    visitor's client, both pages, and the second visitor's token and start time."""
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    page_one = first.get(url)
    with assert_num_queries(0):
        page_two = second.get(url)
    assert (cache_status(page_one), cache_status(page_two)) == ("miss", "hit")
    html_one, html_two = page_one.content.decode(), page_two.content.decode()
    started_input = re.compile(rf'name="{started_field}" value="([^"]+)"')
    (token_one,), (token_two,) = TOKEN_INPUT.findall(html_one), TOKEN_INPUT.findall(html_two)
    (started_one,), (started_two,) = (
        started_input.findall(html_one),
        started_input.findall(html_two),
    )
    assert token_one != token_two and started_one != started_two
    assert "__PAGECACHE" not in html_two
    for response in (page_one, page_two):
        assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}
    return second, page_one, page_two, token_two, started_two
