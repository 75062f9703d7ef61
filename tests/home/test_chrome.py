"""The header's and footer's menus and partners are stored with the site's branding (home/chrome.py)
and read with it: no query of their own, and never stale after a change to anything they show."""

import re
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from campaigns.factories import PartnerFactory
from campaigns.models.partner_choices import PartnerStatus
from home import chrome
from home.models import SiteBranding
from menus.models import MenuItem
from tests.pages.factories import ContentPageFactory


def nav(client, path="/"):
    html = client.get(path).content.decode()
    menu = re.search(r'<ul class="container main-nav__list">.*?</nav>', html, re.S)
    return re.findall(r"<a [^>]*>([^<]+)</a>", menu.group(0)) if menu else []


def strip(client):
    html = client.get("/").content.decode()
    found = re.search(r'<ul class="partner-strip__list">.*?</ul>', html, re.S)
    return re.findall(r'alt="([^"]+)"', found.group(0)) if found else []


def branding():
    return SiteBranding.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def about(home_page):
    return ContentPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")


@pytest.mark.django_db
def test_stored_chrome_costs_no_query(client, about):
    MenuItem.objects.create(page=about)
    PartnerFactory(name="Đối tác A")
    client.get("/gioi-thieu/")  # builds it once
    stored = branding()
    assert stored.chrome is not None
    with CaptureQueriesContext(connection) as queries:
        assert chrome.chrome_of(stored) is stored.chrome
        chrome.footer_partners(stored)
    assert len(queries) == 0


@pytest.mark.django_db
def test_a_menu_item_change_shows_at_once(client, about):
    item = MenuItem.objects.create(page=about)
    assert nav(client) == ["Trang chủ", "Giới thiệu"]
    item.label = "Về chúng tôi"
    item.save()
    assert nav(client) == ["Trang chủ", "Về chúng tôi"]
    item.delete()
    assert nav(client) == []  # no item and no page marked "show in menus": no menu


@pytest.mark.django_db
def test_a_renamed_or_unpublished_menu_page(client, about):
    MenuItem.objects.create(page=about)
    assert nav(client) == ["Trang chủ", "Giới thiệu"]
    about.title = "Giới thiệu chung"
    about.save_revision().publish()
    assert nav(client) == ["Trang chủ", "Giới thiệu chung"]
    about.unpublish()
    assert nav(client) == []


@pytest.mark.django_db
def test_the_fallback_menu_follows_pages_and_privacy(client, home_page, about):
    about.show_in_menus = True
    about.save_revision().publish()
    assert "Giới thiệu" in nav(client)
    PageViewRestriction.objects.create(page=about, restriction_type="login")
    assert "Giới thiệu" not in nav(client)


@pytest.mark.django_db
def test_partners_leave_and_join_the_strip(client, home_page):
    today = timezone.localdate()
    kept = PartnerFactory(name="Đối tác còn hạn")
    ending = PartnerFactory(name="Đối tác hết hạn mai", valid_to=today)
    starting = PartnerFactory(name="Đối tác từ mai", valid_from=today + timedelta(days=1))
    assert strip(client) == ["Đối tác còn hạn", "Đối tác hết hạn mai"]
    # The next day, with nothing saved: the dates decide.
    tomorrow = today + timedelta(days=1)
    names = [p["name"] for p in chrome.footer_partners(branding(), day=tomorrow)]
    assert names == ["Đối tác còn hạn", "Đối tác từ mai"]
    assert ending.pk and starting.pk
    kept.status = PartnerStatus.PAUSED
    kept.save()
    assert strip(client) == ["Đối tác hết hạn mai"]
    ending.live = False
    ending.save()
    assert strip(client) == []


@pytest.mark.django_db
def test_a_new_logo_shows_at_once(client, home_page, image):
    partner = PartnerFactory(name="Đối tác đổi logo")
    html = client.get("/").content.decode()
    old = re.search(r'<img src="([^"]+)"[^>]*alt="Đối tác đổi logo"', html).group(1)
    partner.logo = image
    partner.save()
    html = client.get("/").content.decode()
    new = re.search(r'<img src="([^"]+)"[^>]*alt="Đối tác đổi logo"', html).group(1)
    assert new != old


@pytest.mark.django_db
def test_a_build_never_overwrites_a_newer_one(about):
    stored = branding()
    chrome.chrome_of(stored)
    old = SiteBranding.objects.get(pk=stored.pk)
    MenuItem.objects.create(page=about)  # marks the row stale
    fresh = chrome.chrome_of(branding())  # a render builds it again
    assert fresh["main"][0]["text"] == "Giới thiệu"
    # A render that read the row before the change stores nothing over the newer chrome.
    old.chrome = None
    chrome.chrome_of(old)
    assert SiteBranding.objects.get(pk=stored.pk).chrome["main"] == fresh["main"]


@pytest.mark.django_db
def test_saving_the_branding_form_builds_it_again(home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        about = ContentPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    stale_copy = branding()
    chrome.chrome_of(stale_copy)
    with django_capture_on_commit_callbacks(execute=True):
        MenuItem.objects.create(page=about)
        stale_copy.name_vi = "CÔNG ĐOÀN VIÊN CHỨC"
        stale_copy.save()  # the admin form's copy, read before the menu changed
    stored = SiteBranding.objects.get(pk=stale_copy.pk)
    assert stored.chrome["main"][0]["text"] == "Giới thiệu"


@pytest.mark.django_db
def test_a_transaction_of_many_changes_builds_it_once_with_all_of_them(
    home_page, django_capture_on_commit_callbacks
):
    pages = [
        ContentPageFactory(parent=home_page, title=title, slug=slug)
        for title, slug in [("Giới thiệu", "gioi-thieu"), ("Liên hệ", "lien-he")]
    ]
    chrome.chrome_of(branding())
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        MenuItem.objects.create(page=pages[0])
        try:
            with transaction.atomic():  # a change given up: its rebuild is dropped with it
                MenuItem.objects.create(page=pages[1], label="Bỏ dở")
                raise RuntimeError
        except RuntimeError:
            pass
        MenuItem.objects.create(page=pages[1])
        PartnerFactory(name="Đối tác B")
    assert callbacks.count(chrome.rebuild) == 1
    stored = branding().chrome
    assert [item["text"] for item in stored["main"]] == ["Giới thiệu", "Liên hệ"]
    assert [partner["name"] for partner in stored["partners"]] == ["Đối tác B"]
