"""A form page is kept by the page cache as a blank form with holes: every visitor gets their
own CSRF token and timestamp; the confirmation and a form with errors are never kept."""

import pytest
from django.test import Client

from tests.page_cache import cache_status, page_cache_on, two_visitors
from webforms.models import FormEntry

from .conftest import valid_data


@pytest.fixture
def page_cache(settings, tmp_path, site):
    return page_cache_on(settings, tmp_path)


@pytest.mark.django_db
def test_the_form_page_is_cached_with_fresh_per_visitor_values(
    page_cache, form_page, django_assert_num_queries
):
    second, _, _, token_two, started_two = two_visitors(
        form_page.url, "form_started", django_assert_num_queries
    )

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
