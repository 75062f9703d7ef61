"""The contact page: address, phones, e-mail, hours and a map link, with no third-party script
or frame."""

import pytest
from wagtail.test.utils.form_data import streamfield

from pages.models import ContactPage
from tests.admin_pages import publish_in_admin


@pytest.mark.django_db
def test_an_editor_creates_the_contact_page(editor_client, client, home_page):
    page = publish_in_admin(
        editor_client,
        ContactPage,
        home_page,
        {
            "title": "Liên hệ",
            "slug": "lien-he",
            "intro": "",
            "address": "Số 1 Phố Mẫu, Hà Nội",
            "phone": "024 1234 5678",
            "hotline": "",
            "email": "vanphong@example.vn",
            "hours": "Thứ Hai – Thứ Sáu: 8:00–17:00\nThứ Bảy: nghỉ",
            "map_url": "",
            "form_page": "",
            "body": streamfield([]),
        },
    )
    assert page.live
    client.logout()  # what a visitor sees

    html = client.get("/lien-he/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "Số 1 Phố Mẫu, Hà Nội" in main
    assert 'href="tel:02412345678"' in main and 'href="mailto:vanphong@example.vn"' in main
    assert "Thứ Hai – Thứ Sáu: 8:00–17:00<br>Thứ Bảy: nghỉ" in main
    assert 'href="https://www.openstreetmap.org/search?query=S%E1%BB%91+1' in main
    assert "<iframe" not in html
    # Scripts only from the site itself: no map widget, no third-party script.
    import re

    sources = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html)
    assert sources and all(src.startswith("/static/") for src in sources), sources
    assert "/lien-he/</loc>" in client.get("/sitemap.xml").content.decode()
    assert "/lien-he/" in client.get("/tim-kiem/", {"q": "lien he"}).content.decode()


@pytest.mark.django_db
def test_the_demo_gives_one_office_on_its_contact_page_and_in_every_footer(client, demo_content):
    from home.models import SiteBranding

    contact = ContactPage.objects.get(slug="lien-he")
    branding = SiteBranding.objects.get()
    assert (contact.address, contact.phone, contact.email) == (
        branding.contact_address,
        branding.contact_phone,
        branding.contact_email,
    )
    html = client.get(contact.url).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert contact.address in footer and contact.address in html[: html.index("<footer")]
