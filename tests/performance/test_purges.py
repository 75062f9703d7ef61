"""Every change a reader could see purges the page cache; drafts and sign-ups do not."""

import os
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction, Site

from home.models import SiteBranding
from portal.pagecache import generation
from portal.pagecache.frontend import frontend_cache_settings
from tests.page_cache import cache_status

from .conftest import in_another_process

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def cached_home(client):
    """The home page, served from the cache (asserts it really is a hit)."""
    client.get("/")
    response = client.get("/")
    assert cache_status(response) == "hit"
    return response.content.decode()


def fresh_home(client):
    response = client.get("/")
    assert cache_status(response) == "miss", "the change did not purge the page cache"
    return response.content.decode()


@pytest.fixture
def menu_page(home_page):
    page = Page(title="Giới thiệu", slug="gioi-thieu", show_in_menus=True)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_publishing_a_change_purges(client, menu_page):
    assert "Giới thiệu" in cached_home(client)
    menu_page.title = "Về chúng tôi"
    menu_page.save_revision().publish()
    html = fresh_home(client)
    assert "Về chúng tôi" in html
    assert "Giới thiệu" not in html


def test_saving_a_draft_does_not_purge(client, menu_page):
    cached_home(client)
    menu_page.title = "Bản nháp"
    menu_page.save_revision()
    response = client.get("/")
    assert cache_status(response) == "hit"
    assert "Bản nháp" not in response.content.decode()


def test_unpublishing_purges(client, menu_page):
    assert 'href="/gioi-thieu/"' in cached_home(client)
    menu_page.unpublish()
    assert 'href="/gioi-thieu/"' not in fresh_home(client)


def test_moving_a_page_purges(client, home_page, menu_page):
    other = Page(title="Tổ chức", slug="to-chuc", show_in_menus=True)
    home_page.add_child(instance=other)
    assert 'href="/gioi-thieu/"' in cached_home(client)
    menu_page.move(other, pos="last-child")
    html = fresh_home(client)
    assert 'href="/gioi-thieu/"' not in html
    # Wagtail leaves a redirect from the old address; the cached old page is gone.
    assert client.get("/gioi-thieu/")["Location"] == "/to-chuc/gioi-thieu/"


def test_deleting_a_page_purges(client, menu_page):
    assert "Giới thiệu" in cached_home(client)
    menu_page.delete()
    assert "Giới thiệu" not in fresh_home(client)


def test_making_a_page_private_purges(client, menu_page):
    assert "Giới thiệu" in cached_home(client)
    PageViewRestriction.objects.create(
        page=menu_page, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )
    assert "Giới thiệu" not in fresh_home(client)


def test_changing_a_site_setting_purges(client, site):
    assert "A DIFFERENT NAME" not in cached_home(client)
    branding = SiteBranding.for_site(site)
    branding.name_en = "A DIFFERENT NAME"
    branding.save()
    assert "A DIFFERENT NAME" in fresh_home(client)


def test_changing_an_image_shown_on_pages_purges(client, site):
    from wagtail.images import get_image_model

    branding = SiteBranding.for_site(site)
    image = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    branding.logo = image
    branding.save()
    cached_home(client)
    image.focal_point_x = 1
    image.save()
    fresh_home(client)


def test_scheduled_go_live_and_expiry_purge(client, home_page):
    past = timezone.now() - timedelta(minutes=1)
    scheduled = Page(title="Tháng Công nhân", slug="thang-cong-nhan", show_in_menus=True)
    home_page.add_child(instance=scheduled)
    scheduled.unpublish()
    scheduled.go_live_at = past
    scheduled.save_revision(approved_go_live_at=past)
    assert "Tháng Công nhân" not in cached_home(client)

    call_command("publish_scheduled", stdout=open(os.devnull, "w"))
    assert "Tháng Công nhân" in fresh_home(client)

    scheduled.refresh_from_db()
    scheduled.expire_at = past
    scheduled.save()
    assert "Tháng Công nhân" in cached_home(client)
    call_command("publish_scheduled", stdout=open(os.devnull, "w"))
    assert "Tháng Công nhân" not in fresh_home(client)


# The purge travels in the generation file every process reads (portal/pagecache/generation.py),
# never through the database: CI runs this once, in the SQLite phase.
@pytest.mark.engine_independent
def test_a_purge_from_another_process_reaches_this_one(client, home_page, page_cache):
    """`publish_scheduled` from cron, or another gunicorn worker, purges this worker's pages."""
    cached_home(client)
    code = "from portal.pagecache import generation; generation.bump()"
    in_another_process(page_cache, code)
    fresh_home(client)


def test_purge_page_cache_command_shows_bulk_writes_and_new_templates(client, menu_page):
    """Bulk writes send no signal, nor does a deploy with new templates: the command purges."""
    assert "Giới thiệu" in cached_home(client)
    Page.objects.filter(pk=menu_page.pk).update(title="Về chúng tôi")
    assert "Giới thiệu" in cached_home(client)  # no signal: still the old copy

    out = StringIO()
    call_command("purge_page_cache", stdout=out)
    assert "Page cache purged" in out.getvalue()
    html = fresh_home(client)
    assert "Về chúng tôi" in html and "Giới thiệu" not in html


def test_a_request_reads_the_generation_once_and_follows_its_own_purges(page_cache):
    """Within a request every cached part agrees on one generation (one read); a purge from
    elsewhere meanwhile reaches the next request, and the request's own purge reaches it at once."""
    path = Path(page_cache.PAGE_CACHE_GENERATION_FILE)
    before = generation.bump()
    with generation.for_request():
        assert generation.current() == before
        path.write_text("from-another-process")
        assert generation.current() == before
        own = generation.bump()
        assert generation.current() == own != before
    assert generation.current() == own == path.read_text()
    path.write_text("from-another-process")
    assert generation.current() == "from-another-process"


def test_gunicorn_workers_freeze_the_loaded_app_out_of_the_collector():
    import gc
    import runpy

    config = runpy.run_path(str(Path(django_settings.BASE_DIR) / "gunicorn.conf.py"))
    try:
        config["post_worker_init"](worker=None)
        assert gc.get_freeze_count() > 0 and gc.isenabled()
    finally:
        gc.unfreeze()


def test_models_can_opt_out_of_purging(client, home_page):
    """The member registry's models set page_cache_purge = False: sign-ups never empty the
    cache."""
    from django.apps import apps

    from portal.pagecache.purge import watched

    opted_out = [m for m in apps.get_models() if getattr(m, "page_cache_purge", True) is False]
    for model in opted_out:
        assert not watched(model)
    assert watched(SiteBranding)
    assert watched(Page)
    assert watched(Site)


def test_what_the_registry_shows_the_public_purges_and_its_personal_data_does_not():
    """The privacy notice is printed in every sign-up form and the targets on the home page; the
    entries, their records and the hand-off addresses are never shown to the public."""
    from campaigns.registry import models as registry
    from portal.pagecache.purge import watched

    assert watched(registry.PrivacyNotice)
    assert watched(registry.MembershipTarget)
    for private in (registry.MemberSignup, registry.ConsentRecord, registry.ProvinceForwardAddress):
        assert not watched(private)


def test_generation_is_a_fresh_token_each_time(page_cache):
    first = generation.current()
    assert generation.bump() != first
    assert generation.current() != first


def test_shared_cache_keeps_the_generation_in_the_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "unused",
        },
    }
    # The decision only: a locmem cache is per process, anything else is shared.
    from django.core.cache import caches

    assert generation._process_local(caches["default"])
    assert not generation._process_local(caches["shared"])


def test_frontend_cache_settings_from_the_environment():
    assert frontend_cache_settings(
        "http", {"FRONTEND_CACHE_LOCATION": "http://127.0.0.1:8080"}
    ) == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:8080",
        }
    }
    cloudflare = frontend_cache_settings(
        "cloudflare", {"CLOUDFLARE_ZONEID": "z", "CLOUDFLARE_BEARER_TOKEN": "t"}
    )["default"]
    assert cloudflare["ZONEID"] == "z"
    assert cloudflare["BEARER_TOKEN"] == "t"
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="CLOUDFLARE_ZONEID"):
        frontend_cache_settings("cloudflare", {})
    with pytest.raises(ImproperlyConfigured, match="FRONTEND_CACHE_BACKEND"):
        frontend_cache_settings("varnish", {})


class RecorderBackend(BaseBackend):
    """A frontend cache (CDN) that records what it was asked to purge."""

    purged = []

    def __init__(self, params):
        super().__init__(params)

    def purge(self, url):
        self.purged.append(url)


def test_frontend_cache_purged_on_publish_move_and_setting_change(settings, home_page, site):
    purged = RecorderBackend.purged
    purged.clear()
    settings.WAGTAILFRONTENDCACHE = {"default": {"BACKEND": f"{__name__}.RecorderBackend"}}

    page = Page(title="Giới thiệu", slug="gioi-thieu")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    assert any(url.endswith("/gioi-thieu/") for url in purged)

    other = Page(title="Tổ chức", slug="to-chuc")
    home_page.add_child(instance=other)
    purged.clear()
    page.move(other, pos="last-child")
    assert any(url.endswith("/to-chuc/gioi-thieu/") for url in purged)
    assert any(url.endswith("/gioi-thieu/") and "to-chuc" not in url for url in purged)

    purged.clear()
    branding = SiteBranding.for_site(site)
    branding.footer_note = "Ghi rõ nguồn khi trích dẫn."
    branding.save()
    assert purged and all(url.rstrip("/").count("/") == 2 for url in purged)  # the home page

    purged.clear()
    page.delete()
    assert any(url.endswith("/to-chuc/gioi-thieu/") for url in purged)


def test_anonymous_reader_never_sees_stale_page_after_change_through_admin(home_page):
    """End to end: the editor publishes in the admin, the next anonymous reader sees it."""
    from django.contrib.auth import get_user_model
    from wagtail.test.utils.form_data import nested_form_data

    page = Page(title="Giới thiệu", slug="gioi-thieu", show_in_menus=True)
    home_page.add_child(instance=page)
    reader = Client()
    assert "Giới thiệu" in cached_home(reader)

    editor = Client()
    editor.force_login(
        get_user_model().objects.create_superuser("bt", "bt@example.vn", "mat-khau-dai-1")
    )
    response = editor.post(
        f"/admin/pages/{page.pk}/edit/",
        nested_form_data(
            {
                "title": "Về Công đoàn",
                "slug": "gioi-thieu",
                "show_in_menus": "on",
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302, response.content[:2000]
    assert "Về Công đoàn" in fresh_home(reader)
