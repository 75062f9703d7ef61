"""Content pages ("Trang nội dung"): Giới thiệu and its children, with breadcrumbs, the side
navigation of their section, the main menu, the sitemap and search."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.test.utils.form_data import rich_text, streamfield

from pages.models import ContentPage
from tests.admin_pages import publish_in_admin
from tests.public_pages import page_html

from .conftest import count_queries
from .factories import ContentPageFactory


def main_text(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.django_db
def test_demo_builds_gioi_thieu_and_its_children_once(demo_content):
    # The demo site shared by this process's tests, loaded a second time.
    home_page = demo_content
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    about = ContentPage.objects.get(slug="gioi-thieu")
    assert about.get_parent().pk == home_page.pk
    assert about.show_in_menus and about.live
    children = [page.title for page in about.get_children().live()]
    assert children == [
        "Lịch sử hình thành",
        "Chức năng, nhiệm vụ",
        "Cơ cấu tổ chức",
        "Ban Chấp hành",
    ]
    assert ContentPage.objects.count() == 4
    # First in the menu, right after "Trang chủ".
    home_page.refresh_from_db()
    assert home_page.get_children().first().pk == about.pk


@pytest.mark.django_db
def test_child_page_shows_breadcrumbs_side_navigation_and_menu(client, home_page):
    about = ContentPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    about.show_in_menus = True
    about.save_revision().publish()
    history = ContentPageFactory(parent=about, title="Lịch sử", slug="lich-su")
    ContentPageFactory(parent=about, title="Chức năng nhiệm vụ", slug="chuc-nang")

    html = page_html(client, "/gioi-thieu/lich-su/")
    crumbs = re.search(r'<ol class="breadcrumb">(.*?)</ol>', html, re.S).group(1)
    assert re.findall(r">([^<>]+)</(?:a|li)>", crumbs) == ["Trang chủ", "Giới thiệu", "Lịch sử"]
    nav = re.search(r'<nav class="side-nav".*?</nav>', html, re.S).group(0)
    assert 'href="/gioi-thieu/chuc-nang/"' in nav
    assert re.search(r'href="/gioi-thieu/lich-su/" aria-current="page"', nav)
    menu = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert re.search(r'href="/gioi-thieu/" aria-current="page">Giới thiệu<', menu)
    # The section page lists its children.
    section = main_text(client.get("/gioi-thieu/"))
    assert "Trong mục này" in section and "Lịch sử" in section
    assert history.url == "/gioi-thieu/lich-su/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page_type", "fields"),
    [
        ("pages.ContactPage", {}),
        ("pages.LeadershipPage", {}),
        ("webforms.FormPage", {}),
    ],
    ids=["contact", "leadership", "form"],
)
def test_every_page_type_of_a_section_shows_breadcrumbs_and_side_navigation(
    client, home_page, page_type, fields
):
    from django.apps import apps

    from home.factories import page_factory

    about = ContentPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    make = page_factory(apps.get_model(page_type), "Trang trong mục", "trang-trong-muc", **fields)
    make(parent=about)

    html = page_html(client, "/gioi-thieu/trang-trong-muc/")
    crumbs = re.search(r'<ol class="breadcrumb">(.*?)</ol>', html, re.S).group(1)
    assert re.findall(r">([^<>]+)</(?:a|li)>", crumbs) == [
        "Trang chủ",
        "Giới thiệu",
        "Trang trong mục",
    ]
    nav = re.search(r'<nav class="side-nav".*?</nav>', html, re.S).group(0)
    assert re.search(r'href="/gioi-thieu/trang-trong-muc/" aria-current="page"', nav)


@pytest.mark.django_db
def test_a_draft_child_is_not_in_the_side_navigation(client, home_page):
    about = ContentPageFactory(parent=home_page, slug="gioi-thieu")
    draft = ContentPageFactory(parent=about, title="Bản nháp chưa đăng", slug="nhap", publish=False)
    assert draft.live is False
    assert "Bản nháp chưa đăng" not in client.get("/gioi-thieu/").content.decode()


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_section(
    client, home_page, django_assert_max_num_queries
):
    about = ContentPageFactory(parent=home_page, slug="gioi-thieu")
    first = ContentPageFactory(parent=about, slug="a")

    few = count_queries(client, "/gioi-thieu/a/")
    for n in range(12):
        child = ContentPageFactory(parent=about, slug=f"con-{n}")
        ContentPageFactory(parent=child, slug=f"chau-{n}")
    ContentPageFactory(parent=first, slug="duoi-a")
    # Breadcrumbs (1) and the section's pages two levels deep (1), however many.
    cache.clear()
    with django_assert_max_num_queries(few):
        assert client.get("/gioi-thieu/a/").status_code == 200


@pytest.mark.django_db
def test_content_pages_are_in_the_sitemap_and_found_without_accents(client, home_page):
    about = ContentPageFactory(
        parent=home_page, title="Giới thiệu", slug="gioi-thieu", intro="Lịch sử Công đoàn"
    )
    ContentPageFactory(parent=about, title="Chức năng, nhiệm vụ", slug="chuc-nang-nhiem-vu")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/gioi-thieu/</loc>" in sitemap and "/gioi-thieu/chuc-nang-nhiem-vu/</loc>" in sitemap
    for query in ("chuc nang nhiem vu", "Chức năng"):
        results = main_text(client.get("/tim-kiem/", {"q": query}))
        assert "/gioi-thieu/chuc-nang-nhiem-vu/" in results, query


@pytest.mark.django_db
def test_an_editor_creates_a_content_page_under_home_and_a_child(editor_client, home_page, client):
    fields = {
        "title": "Giới thiệu chung",
        "slug": "gioi-thieu-chung",
        "intro": "Về Công đoàn Viên chức Việt Nam.",
        "body": streamfield([("paragraph", rich_text("<p>Thành lập ngày 2/7/1994.</p>"))]),
        "show_child_list": "on",
    }
    parent = publish_in_admin(editor_client, ContentPage, home_page, fields)
    fields.update({"title": "Lịch sử", "slug": "lich-su"})
    child = publish_in_admin(editor_client, ContentPage, parent, fields)
    assert child.live and child.get_parent().pk == parent.pk
    html = client.get("/gioi-thieu-chung/lich-su/").content.decode()
    assert "Thành lập ngày 2/7/1994." in html
    assert 'href="/gioi-thieu-chung/"' in html  # breadcrumb and side navigation
