"""A form page is kept by the page cache as a blank form with holes: every visitor gets their
own CSRF token and timestamp; the confirmation and a form with errors are never kept."""

import re

import pytest
from django.test import Client

from webforms.models import FormEntry

from .conftest import valid_data

TOKEN_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED_INPUT = re.compile(r'name="form_started" value="([^"]+)"')


def cache_status(response):
    return response.headers.get("X-Page-Cache")


@pytest.fixture
def page_cache(settings, tmp_path, site):
    from home.models import SiteBranding

    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "page-cache-generation")
    SiteBranding.for_site(site)  # created up front: its creation purges
    return settings


@pytest.mark.django_db
def test_the_form_page_is_cached_with_fresh_per_visitor_values(
    page_cache, form_page, django_assert_num_queries
):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    page_one = first.get(form_page.url)
    with django_assert_num_queries(0):
        page_two = second.get(form_page.url)
    assert (cache_status(page_one), cache_status(page_two)) == ("miss", "hit")
    html_one, html_two = page_one.content.decode(), page_two.content.decode()
    (token_one,), (token_two,) = TOKEN_INPUT.findall(html_one), TOKEN_INPUT.findall(html_two)
    (started_one,), (started_two,) = (
        STARTED_INPUT.findall(html_one),
        STARTED_INPUT.findall(html_two),
    )
    assert token_one != token_two and started_one != started_two
    assert "__PAGECACHE" not in html_two
    for response in (page_one, page_two):
        assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}

    data = valid_data(second, form_page.url)
    data.update(csrfmiddlewaretoken=token_two, form_started=started_two)
    response = second.post(form_page.url, data)
    assert response.status_code == 303 and FormEntry.objects.count() == 1
    done = second.get(response["Location"])
    assert cache_status(done) == "bypass" and "Cảm ơn" in done.content.decode()
    data["consent"] = ""
    errors = second.post(form_page.url, data)
    assert errors.status_code == 200 and cache_status(errors) == "bypass"
    assert cache_status(Client().get(form_page.url)) == "hit"
