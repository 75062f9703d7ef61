"""The main menu, remembered until the next purge (portal/pagecache/memo.py), follows every change
with the page cache off; a purge during a computation never keeps the old value."""

import pytest
from wagtail.models import Page

from portal.pagecache import generation
from portal.pagecache.memo import remember

pytestmark = pytest.mark.django_db


def test_the_menu_follows_publishing_moving_and_unpublishing(client, home_page):
    assert "Giới thiệu" not in client.get("/").content.decode()
    about = Page(title="Giới thiệu", slug="gioi-thieu", show_in_menus=True)
    home_page.add_child(instance=about)
    about.save_revision().publish()
    assert "Giới thiệu" in client.get("/").content.decode()
    about.title = "Về chúng tôi"
    about.save_revision().publish()
    html = client.get("/").content.decode()
    assert "Về chúng tôi" in html and "Giới thiệu" not in html
    about.unpublish()
    assert "Về chúng tôi" not in client.get("/").content.decode()


def test_a_value_computed_during_a_purge_is_not_kept(db, settings, tmp_path):
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")

    def computed_while_another_process_publishes():
        generation.bump()
        return "old"

    assert remember("test-value", compute=computed_while_another_process_publishes) == "old"
    assert remember("test-value", compute=lambda: "new") == "new"
    assert remember("test-value", compute=lambda: "newer") == "new"


def test_nothing_is_remembered_when_the_fragment_cache_is_off(db, settings):
    settings.FRAGMENT_CACHE_ENABLED = False
    values = iter(range(10))
    assert [remember("test-off", compute=lambda: next(values)) for _ in range(3)] == [0, 1, 2]


def test_nothing_is_remembered_when_purges_are_off(db, settings):
    settings.PAGE_CACHE_PURGE_ENABLED = False
    values = iter(range(10))
    assert [remember("test-no-purge", compute=lambda: next(values)) for _ in range(2)] == [0, 1]


def test_the_site_and_its_branding_follow_changes(client, home_page, django_assert_max_num_queries):
    from wagtail.models import Site

    from home.models import SiteBranding

    client.get("/")  # creates the branding row (a change: a purge)
    client.get("/")
    with django_assert_max_num_queries(20) as remembered:
        client.get("/")
    assert not any('"wagtailcore_site"' in q["sql"] for q in remembered.captured_queries)
    assert not any('"home_sitebranding"' in q["sql"] for q in remembered.captured_queries)

    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    branding.name_vi = "Công đoàn Giáo dục Việt Nam"
    branding.save()
    assert "Công đoàn Giáo dục Việt Nam" in client.get("/").content.decode()

    other_root = Page(title="Trang của tỉnh", slug="trang-tinh")
    Page.get_first_root_node().add_child(instance=other_root)
    other_root.save_revision().publish()
    other = Site.objects.create(hostname="tinh.example", port=80, root_page=home_page)
    assert (
        "Trang của tỉnh" not in client.get("/", headers={"host": "tinh.example"}).content.decode()
    )
    other.root_page = other_root
    other.save()
    html = client.get("/", headers={"host": "tinh.example"}).content.decode()
    assert "Trang của tỉnh" in html
