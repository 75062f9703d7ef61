"""The search server unreachable (a closed port) or silent (accepts, never answers): search and
the suggestions answer from the database, a document number still finds its document, index
updates made meanwhile are recorded and replayed (search/resilient.py)."""

import logging

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.test import Client

from resolutions.models import ResolutionPage
from search.es_settings import server_backends
from search.models import PendingIndexUpdate
from search.resilient import outage

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_server_down(request, settings, closed_port, silent_port):
    kind, fault = request.param
    port = closed_port if fault == "refused" else silent_port
    database = django_settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = server_backends(
        kind, f"http://127.0.0.1:{port}", database, index_prefix="test_keep_", timeout=0.5
    )
    outage.reset()
    yield kind, fault
    outage.reset()


def outage_lines(caplog):
    return [
        r for r in caplog.records if r.name == "search.resilient" and "unavailable" in r.message
    ]


@pytest.mark.parametrize(
    "search_server_down",
    [("elasticsearch", "refused"), ("opensearch", "silent")],
    indirect=True,
    ids=["elasticsearch-refused", "opensearch-silent"],
)
def test_search_and_suggestions_answer_from_the_database(demo_content, search_server_down, caplog):
    caplog.set_level(logging.WARNING, logger="search.resilient")
    resolution = ResolutionPage.objects.get(number="02-NQ/TW")
    visitor = Client()

    for _ in range(2):
        response = visitor.get("/tim-kiem/", {"q": "02-NQ/TW"})
        assert response.status_code == 200
        first = response.context["results"].object_list[0]
        assert first.obj.pk == resolution.pk  # the document number still finds its document
        html = response.content.decode()
        assert f'href="{resolution.url}"' in html
        assert "lỗi" not in html.lower()  # nothing alarming for the reader

        response = visitor.get("/tim-kiem/", {"q": "cong doan"})
        assert response.status_code == 200 and response.context["total"] > 0

        suggestions = visitor.get("/tim-kiem/goi-y/", {"q": "nghi quyet"})
        assert suggestions.status_code == 200
        assert any("Nghị quyết" in item["title"] for item in suggestions.json()["results"])
    assert len(outage_lines(caplog)) == 1  # one line per outage, not per request


@pytest.mark.parametrize(
    "search_server_down", [("elasticsearch", "refused")], indirect=True, ids=["es"]
)
def test_index_updates_made_while_it_is_down_are_kept_and_replayed(
    home_page, search_server_down, settings
):
    from wagtail.models import Page

    article = Page(title="Hội thao công nhân viên chức mùa xuân", slug="hoi-thao")
    home_page.add_child(instance=article)
    article.save_revision().publish()
    pending = PendingIndexUpdate.objects.get(model="wagtailcore.page")
    assert pending.object_id == str(article.pk) and pending.action == "add"
    # The database behind it has the new page already.
    response = Client().get("/tim-kiem/", {"q": "hoi thao mua xuan"})
    assert [hit.title for hit in response.context["results"].object_list] == [article.title]

    # Still down: the replay keeps every row for the next run.
    with pytest.raises(CommandError):
        call_command("replay_search_updates", stdout=open("/dev/null", "w"))
    assert PendingIndexUpdate.objects.filter(object_id=str(article.pk)).exists()

    # Deleted while down: the latest action wins.
    article_pk = article.pk
    article.delete()
    assert PendingIndexUpdate.objects.get(object_id=str(article_pk)).action == "delete"

    # The server is back (here: a backend that answers, the database one, in its place).
    database = settings.WAGTAILSEARCH_BACKENDS["database"]
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.resilient",
            "SERVER_BACKEND": database["BACKEND"],
            "FALLBACK": "database",
            **{k: v for k, v in database.items() if k != "BACKEND"},
        },
        "database": database,
    }
    outage.reset()
    call_command("replay_search_updates", stdout=open("/dev/null", "w"))
    assert not PendingIndexUpdate.objects.exists()


@pytest.mark.parametrize(
    "search_server_down", [("opensearch", "refused")], indirect=True, ids=["os"]
)
def test_a_search_outside_the_site_views_sends_the_next_ones_to_the_database(
    home_page, search_server_down
):
    """The admin's searches are not wrapped: the first one in an outage fails, and this process
    then searches the database until the pause is over."""
    from modelsearch.backends import get_search_backend
    from wagtail.models import Page

    from search.resilient import server_errors

    backend = get_search_backend()
    with pytest.raises(server_errors()):
        list(backend.search("cong doan", Page.objects.all()))
    assert outage.down_since is not None
    assert backend.answering == "database"
    list(backend.search("cong doan", Page.objects.all()))  # answered by the database
