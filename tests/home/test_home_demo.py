"""The demo site's home page, built once for this module (`demo_content`)."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision

from home.models import SiteBranding
from tests.public_pages import assert_shown, page_html


def quiet_call(*args, **kwargs):
    with open("/dev/null", "w") as devnull:
        call_command(*args, stdout=devnull, **kwargs)


@pytest.mark.django_db
def test_home_renders_site_name_and_banner(client, demo_content):
    html = page_html(client, "/")
    assert_shown(
        html,
        '<html lang="vi">',
        "CÔNG ĐOÀN VIÊN CHỨC VIỆT NAM",
        "VIETNAM PUBLIC SECTOR UNION",
        "Chào mừng kỷ niệm 30 năm Ngày thành lập Công đoàn Viên chức Việt Nam",
        '<time datetime="1994-07-02">2/7/1994</time>',
        '<time datetime="2024-07-02">2/7/2024</time>',
        'class="skip-link" href="#main"',
    )
    # Readers can subscribe from the home page.
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="http://localhost/tin-tuc/rss/"' in html


@pytest.mark.django_db
def test_banner_and_names_come_from_the_site_setting(client, demo_content, site):
    branding = SiteBranding.for_site(site)
    branding.banner_title = "Chào mừng 100 năm Công đoàn Việt Nam"
    branding.name_en = "A DIFFERENT NAME"
    branding.save()
    html = client.get("/").content.decode()
    assert "Chào mừng 100 năm Công đoàn Việt Nam" in html
    assert "A DIFFERENT NAME" in html
    assert "Chào mừng kỷ niệm 30 năm" not in html

    branding.banner_enabled = False
    branding.save()
    assert "anniversary-banner" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_load_demo_content_twice_changes_nothing(demo_content):
    def snapshot():
        return (
            sorted(Page.objects.values_list("id", "url_path", "live", "latest_revision_id")),
            Revision.objects.count(),
            PageLogEntry.objects.count(),
            list(SiteBranding.objects.values()),
        )

    before = snapshot()
    quiet_call("load_demo_content")
    assert snapshot() == before
    assert Page.objects.count() >= 2


@pytest.mark.django_db
def test_head_has_canonical_open_graph_and_favicon(client, demo_content):
    html = client.get("/").content.decode()
    assert_shown(
        html,
        '<link rel="canonical" href="http://localhost/">',
        '<meta property="og:site_name" content="CÔNG ĐOÀN VIÊN CHỨC VIỆT NAM">',
        'property="og:image" content="http://localhost/media/images/',
        'rel="icon"',
    )
    assert client.get("/favicon.ico").status_code == 301


@pytest.mark.django_db
def test_home_query_count_does_not_grow_with_content(client, demo_content, settings):
    """Every home section filled; the count of a first render (nothing remembered from the
    render before) stays the same when the site grows.

    Roughly: site + root page + alias check, site setting, menu (+ its view restrictions), and
    per section (news, campaigns, documents, progress) its view restrictions, its items and their
    renditions.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.FRAGMENT_CACHE_ENABLED = False

    def count():
        client.get("/")  # warm per-process caches (content types, site root paths)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    quiet_call("generate_content", articles=40, documents=40, partners=40)
    large = count()
    assert large == small
    assert small <= 20


@pytest.mark.django_db
def test_after_a_change_only_the_first_render_rebuilds_the_header_and_footer(client, demo_content):
    """A change marks the stored header and footer stale; the first render after it builds
    them again, and the renders after that read what it built: they write nothing and read
    none of the menus and partners they are built from (until the next change). A copy of the
    site setting remembered while it was stale made every render build them again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    quiet_call("generate_content", articles=5, documents=5, partners=5)
    assert client.get("/").status_code == 200
    later = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/").status_code == 200
        later += [query["sql"] for query in ctx.captured_queries]
    rebuilt = [sql[:60] for sql in later if not sql.startswith("SELECT") or "menus_" in sql]
    assert rebuilt == []
    assert len(later) <= 1  # the setting read once more, fresh, then remembered


@pytest.mark.django_db
def test_the_demo_menu_keeps_the_contact_page_last(client, demo_content):
    """Sections added by apps whose demo runs after the contact page's (the photo library, the
    legal Q&A) are placed before it: "Liên hệ" ends the main menu, "Giới thiệu" opens it."""
    html = page_html(client, "/")
    phone_menu = html.split('<ul class="phone-menu__list">')[1].split("</ul>")[0]
    top_items = re.findall(r'<li><a href="[^"]*"[^>]*>([^<]+)</a></li>', phone_menu)
    assert top_items[:2] == ["Trang chủ", "Giới thiệu"]
    assert top_items[-1] == "Liên hệ"
    assert {"Thư viện ảnh / Video", "Tư vấn pháp luật"} <= set(top_items[2:-1])
