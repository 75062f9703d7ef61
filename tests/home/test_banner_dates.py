"""The anniversary banner follows its display dates by itself, kept fragments included."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

import home.models
from home.models import SiteBranding

pytestmark = pytest.mark.django_db

DAY = date(2026, 12, 2)


def banner_shown(client, url="/"):
    return "anniversary-banner" in client.get(url).content.decode()


@pytest.fixture
def branding(demo_content, site, settings):
    settings.FRAGMENT_CACHE_ENABLED = True  # the header and banner are kept between requests
    branding = SiteBranding.for_site(site)
    branding.banner_enabled = True
    branding.banner_show_from = DAY - timedelta(days=3)
    branding.banner_show_until = DAY
    branding.save()
    return branding


def test_the_banner_shows_on_its_days_and_goes_after_the_last(client, branding, monkeypatch):
    monkeypatch.setattr(home.models, "local_today", lambda: DAY - timedelta(days=4))
    assert not banner_shown(client)
    monkeypatch.setattr(home.models, "local_today", lambda: DAY - timedelta(days=3))
    assert banner_shown(client) and banner_shown(client, "/tin-tuc/")
    monkeypatch.setattr(home.models, "local_today", lambda: DAY)
    assert banner_shown(client) and banner_shown(client, "/tin-tuc/")
    # The next day, with nothing saved or purged: the kept header fragments do not keep it.
    monkeypatch.setattr(home.models, "local_today", lambda: DAY + timedelta(days=1))
    assert not banner_shown(client)
    assert not banner_shown(client, "/tin-tuc/")


def test_without_dates_the_banner_follows_its_switch(client, branding, monkeypatch):
    monkeypatch.setattr(home.models, "local_today", lambda: DAY + timedelta(days=400))
    branding.banner_show_from = None
    branding.banner_show_until = None
    branding.save()
    assert banner_shown(client)
    branding.banner_enabled = False
    branding.save()
    assert not banner_shown(client)


def test_the_last_day_cannot_come_before_the_first(branding):
    branding.banner_show_until = branding.banner_show_from - timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        branding.full_clean()
    assert "banner_show_until" in error.value.message_dict


def test_the_admin_form_offers_the_display_dates(admin_client, branding, site):
    html = admin_client.get(f"/admin/settings/home/sitebranding/{site.pk}/").content.decode()
    assert "Hiện từ ngày" in html and "Hiện đến hết ngày" in html
    assert 'name="banner_show_until"' in html
