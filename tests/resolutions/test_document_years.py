"""The library's "Năm ban hành" filter offers the years of the live, public documents of the
site, stored when documents change (resolutions.models.document_year): each way the stored
years could go stale is checked here with nothing remembered (FRAGMENT_CACHE off), so the page
shows the stored value itself."""

import re
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from resolutions.generate import generate_documents
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
    return re.findall(r'<option value="(\d{4})"', select)


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
