"""The library's "Năm ban hành" filter offers the years of the live, public documents of the
site, and its count says how many it lists, both stored when documents change
(resolutions.models.document_year): each way the stored years and counts could go stale is
checked here with nothing remembered (FRAGMENT_CACHE off), so the page shows the stored value
itself, and the stored counts are checked against a COUNT(*) of the list."""

import re
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from resolutions.generate import generate_documents
from resolutions.library import site_documents
from resolutions.models import CongressPage

from .conftest import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_remembered(settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    settings.PAGE_CACHE_ENABLED = False


def years(client, library):
    html = client.get(library.url).content.decode()
    select = re.search(r'<select name="nam".*?</select>', html, re.S).group(0)
    offered = re.findall(r'<option value="(\d{4})"', select)
    # The count shown, unfiltered and for each year, is the number of documents listed.
    assert shown_count(html) == counted(library)
    for year in offered:
        html = client.get(library.url, {"nam": year}).content.decode()
        assert shown_count(html) == counted(library, int(year)) > 0, year
    return offered


def shown_count(html):
    return int(re.search(r'class="doc-results__count"[^>]*>\s*(\d+)', html).group(1))


def counted(library, year=None):
    """The library's list counted in SQL, as it was before the counts were stored."""
    documents = site_documents(library)
    if year:
        documents = documents.filter(date_issued__year=year)
    return documents.count()


def test_years_follow_publishing_unpublishing_edits_and_deletion(client, library):
    assert years(client, library) == []
    newer = make_document(library, date_issued=date(2022, 5, 1))
    older = make_document(library, date_issued=date(2019, 3, 2))
    assert years(client, library) == ["2022", "2019"]
    older.unpublish()
    assert years(client, library) == ["2022"]
    older.save_revision().publish()
    assert years(client, library) == ["2022", "2019"]
    older.date_issued = older.date_effective = date(2017, 1, 1)
    older.save_revision().publish()
    assert years(client, library) == ["2022", "2017"]
    newer.delete()
    assert years(client, library) == ["2017"]


def test_a_draft_or_a_scheduled_document_adds_no_year_until_it_goes_live(client, library):
    make_document(library, date_issued=date(2022, 5, 1))
    make_document(library, date_issued=date(2015, 1, 1), publish=False)
    scheduled = make_document(library, date_issued=date(2016, 1, 1), publish=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()
    assert years(client, library) == ["2022"]
    # The time comes: the revision's go-live moment is now past.
    past = timezone.now() - timedelta(minutes=1)
    revision = scheduled.latest_revision
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled")
    assert years(client, library) == ["2022", "2016"]


def test_years_follow_view_restrictions_on_a_document_and_on_its_section(client, library):
    make_document(library, date_issued=date(2022, 5, 1))
    hidden = make_document(library, date_issued=date(2019, 3, 2))
    restriction = PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    assert years(client, library) == ["2022"]
    restriction.delete()
    assert years(client, library) == ["2022", "2019"]
    collection = library.add_child(
        instance=CongressPage(title="Hội nghị kín", short_name="Hội nghị kín", slug="hoi-nghi-kin")
    )
    make_document(collection, date_issued=date(2018, 1, 1))
    assert years(client, library) == ["2022", "2019", "2018"]
    PageViewRestriction.objects.create(
        page=collection, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    assert years(client, library) == ["2022", "2019"]
    hidden.move(collection, pos="last-child")
    assert years(client, library) == ["2022"]


def test_bulk_generated_documents_have_their_years(client, library):
    generate_documents(30, seed=3)
    offered = years(client, library)
    assert offered and offered == sorted(offered, reverse=True)
    from resolutions.models import ResolutionPage

    assert {int(y) for y in offered} == {
        d.date_issued.year for d in ResolutionPage.objects.live().public()
    }


def test_a_year_counts_each_of_its_documents(client, library):
    make_document(library, date_issued=date(2022, 5, 1))
    second = make_document(library, date_issued=date(2022, 8, 1))
    make_document(library, date_issued=date(2020, 1, 1))
    assert years(client, library) == ["2022", "2020"]  # 2 and 1 (checked by years())
    second.unpublish()
    assert years(client, library) == ["2022", "2020"]  # 1 and 1
    assert counted(library) == 2


def test_the_unfiltered_list_and_a_year_are_counted_from_the_stored_years(client, library):
    """No COUNT(*) (on PostgreSQL it read every page of the site: 11,000 at 10,000 articles);
    a list narrowed by anything else than the year is still counted in SQL."""
    generate_documents(30, seed=5)
    year = str(site_documents(library).first().date_issued.year)
    for params, counts in (({}, 0), ({"nam": year}, 0), ({"loai": "nghi-quyet"}, 1)):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(library.url, params)
        assert response.status_code == 200
        sql = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
        assert len(sql) == counts, (params, sql)
