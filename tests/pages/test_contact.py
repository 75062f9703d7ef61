"""The contact page: the office's address, phone and e-mail (the site's, as in every footer),
its own hotline, hours and a map link, with no third-party script or frame."""

import re

import pytest
from wagtail.test.utils.form_data import streamfield

from home.models import SiteBranding
from pages.models import ContactPage
from tests.admin_pages import publish_in_admin


def office(site, **values):
    branding = SiteBranding.for_site(site)
    for name, value in values.items():
        setattr(branding, f"contact_{name}", value)
    branding.save()
    return branding


def main_of(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def footer_of(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.django_db
def test_an_editor_creates_the_contact_page_and_it_shows_the_sites_office(
    editor_client, client, home_page
):
    office(
        home_page.get_site(),
        address="Số 1 Phố Mẫu, Hà Nội",
        phone="024 1234.5678",
        email="vanphong@example.vn",
    )
    form = editor_client.get(f"/admin/pages/add/pages/contactpage/{home_page.pk}/").content.decode()
    assert "Cài đặt › Nhận diện trang" in form  # where the office is edited
    assert 'name="address"' not in form and 'name="phone"' not in form
    page = publish_in_admin(
        editor_client,
        ContactPage,
        home_page,
        {
            "title": "Liên hệ",
            "slug": "lien-he",
            "intro": "",
            "hotline": "1900 0000",
            "hours": "Thứ Hai – Thứ Sáu: 8:00–17:00\nThứ Bảy: nghỉ",
            "map_url": "",
            "form_page": "",
            "body": streamfield([]),
        },
    )
    assert page.live
    client.logout()  # what a visitor sees

    response = client.get("/lien-he/")
    main = main_of(response)
    assert "Số 1 Phố Mẫu, Hà Nội" in main
    assert 'href="tel:02412345678"' in main and 'href="mailto:vanphong@example.vn"' in main
    assert 'href="tel:19000000"' in main
    assert 'href="tel:02412345678"' in footer_of(response)
    assert "Thứ Hai – Thứ Sáu: 8:00–17:00<br>Thứ Bảy: nghỉ" in main
    assert 'href="https://www.openstreetmap.org/search?query=S%E1%BB%91+1' in main
    html = response.content.decode()
    assert "<iframe" not in html
    # Scripts only from the site itself: no map widget, no third-party script.
    sources = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html)
    assert sources and all(src.startswith("/static/") for src in sources), sources
    assert "/lien-he/</loc>" in client.get("/sitemap.xml").content.decode()
    assert "/lien-he/" in client.get("/tim-kiem/", {"q": "lien he"}).content.decode()


@pytest.mark.django_db
def test_a_new_office_address_shows_at_once_on_the_contact_page_and_in_the_footer(
    client, home_page
):
    site = home_page.get_site()
    office(site, address="Số 1 Phố Cũ, Hà Nội", phone="", email="")
    page = home_page.add_child(instance=ContactPage(title="Liên hệ", slug="lien-he"))
    first = client.get(page.url)
    assert "Số 1 Phố Cũ" in main_of(first) and "Số 1 Phố Cũ" in footer_of(first)
    assert "tel:" not in main_of(first) and "mailto:" not in main_of(first)

    office(site, address="Số 9 Phố Mới, Hà Nội")  # saved once, in the settings
    again = client.get(page.url)
    assert "Số 9 Phố Mới" in main_of(again) and "Số 9 Phố Mới" in footer_of(again)
    assert "Số 1 Phố Cũ" not in again.content.decode()


@pytest.mark.django_db
def test_the_demo_shows_one_office_on_its_contact_page_and_in_every_footer(client, demo_content):
    contact = ContactPage.objects.get(slug="lien-he")
    branding = SiteBranding.objects.get()
    assert branding.contact_address and branding.contact_phone and branding.contact_email
    for url in (contact.url, "/"):
        response = client.get(url)
        assert branding.contact_address in footer_of(response)
    main = main_of(client.get(contact.url))
    assert branding.contact_address in main and branding.contact_email in main


@pytest.mark.django_db
def test_a_contact_page_with_no_office_details_yet_shows_no_empty_card(client, home_page):
    office(home_page.get_site(), address="", phone="", email="")
    page = home_page.add_child(
        instance=ContactPage(title="Liên hệ", slug="lien-he", intro="Gửi góp ý cho chúng tôi.")
    )
    main = main_of(client.get(page.url))
    assert "Gửi góp ý cho chúng tôi." in main
    assert "contact-card" not in main and "<dt>" not in main

    page.hotline = "1900 0000"
    page.save_revision().publish()
    main = main_of(client.get(page.url))
    assert "contact-card" in main and 'href="tel:19000000"' in main
    assert "Địa chỉ" not in main  # no address and no map link to show under it
