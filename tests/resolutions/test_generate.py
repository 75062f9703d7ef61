"""Bulk documents (`generate_content --documents`) and the home section's query budget."""

import time

import pytest
from django.core.management import call_command
from wagtail.models import Page

from resolutions.generate import generate_documents
from resolutions.models import ResolutionPage

from .conftest import titles


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 100])
def test_home_section_query_budget(home_page, library, count, rf, django_assert_max_num_queries):
    from resolutions.home import latest_documents

    generate_documents(count)
    request = rf.get("/")
    # view restrictions, newest documents with issuing body, the library link
    with django_assert_max_num_queries(3):
        context = latest_documents(request, home_page)
        assert [d.issuing_body.name for d in context["latest_documents"]]
    assert len(context["latest_documents"]) == 5


@pytest.mark.django_db
def test_generate_documents_is_fast_and_keeps_the_tree_valid(client, library):
    start = time.monotonic()
    assert generate_documents(300, seed=3) == 300
    elapsed = time.monotonic() - start
    assert elapsed < 20, elapsed
    assert generate_documents(10, seed=4) == 10  # a second run appends, no slug clashes
    assert ResolutionPage.objects.live().count() == 310
    library.refresh_from_db()
    assert library.numchild == 310
    assert Page.find_problems() == ([], [], [], [], [])
    first = ResolutionPage.objects.order_by("path").first()
    response = client.get(first.url)
    assert response.status_code == 200
    assert first.number in response.content.decode()
    # Generated documents are in the search index and in the number lookup.
    assert titles(client.get("/van-ban/", {"q": first.number}))[0] == first.title


@pytest.mark.django_db
def test_generate_content_command_dispatches_documents(home_page):
    with open("/dev/null", "w") as devnull:
        call_command("generate_content", documents=12, stdout=devnull)
    assert ResolutionPage.objects.filter(slug__startswith="vb-mau-").count() == 12
