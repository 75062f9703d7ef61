"""pages/0007: the contact page's address, phone and e-mail moved to the site's branding, which
every footer showed already. Nothing an editor typed is lost: what the branding lacked is taken
from the site's contact page; what it had is kept."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from home.models import SiteBranding
from pages.models import ContactPage
from tests.databases import ensure_root_site
from tests.migrations import migrate_back, migrate_forward

BEFORE = [("pages", "0006_body_media_block")]


def contact_page_before(apps, home_pk, **fields):
    """A live contact page under the home page, made with the models of before the move."""
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    OldContactPage = apps.get_model("pages", "ContactPage")
    home = Page.objects.get(pk=home_pk)
    content_type, _ = ContentType.objects.get_or_create(app_label="pages", model="contactpage")
    page = OldContactPage.objects.create(
        title="Liên hệ",
        slug="lien-he",
        path=home.path + "9ZZZ",
        depth=home.depth + 1,
        live=True,
        content_type=content_type,
        locale_id=home.locale_id,
        hours="",
        intro="",
        hotline="",
        map_url="",
        body="[]",
        **fields,
    )
    Page.objects.filter(pk=home_pk).update(numchild=home.numchild + 1)
    return page.pk


@pytest.mark.django_db(transaction=True)
def test_the_contact_pages_office_moves_to_the_branding_without_losing_what_either_held():
    home = ensure_root_site()
    branding = SiteBranding.for_site(home.get_site())
    branding.contact_address, branding.contact_phone, branding.contact_email = (
        "",
        "024 9999 9999",
        "",
    )
    branding.save()
    executor = MigrationExecutor(connection)
    old = migrate_back(executor, BEFORE)
    try:
        page_pk = contact_page_before(
            old,
            home.pk,
            address="Số 14 Trần Bình Trọng, Hà Nội",
            phone="024 1111 1111",
            email="lienhe@example.vn",
        )
    finally:
        migrate_forward(executor)

    branding = SiteBranding.objects.get(pk=branding.pk)
    assert branding.contact_address == "Số 14 Trần Bình Trọng, Hà Nội"  # taken from the page
    assert branding.contact_email == "lienhe@example.vn"
    assert branding.contact_phone == "024 9999 9999"  # the branding's own, kept
    page = ContactPage.objects.get(pk=page_pk)
    assert page.live and page.title == "Liên hệ"
