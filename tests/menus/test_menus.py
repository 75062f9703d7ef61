"""Menus editors control: ordered links to pages or addresses with one level of sub-items, in
the header and the footer, rendered from one remembered query."""

import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError

from menus.models import MenuItem
from tests.pages.conftest import count_queries
from tests.pages.factories import ContentPageFactory


def nav(html):
    """The desktop row of the main menu (the phone menu repeats the same links)."""
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return nav[nav.index('<ul class="container main-nav__list">') :]


@pytest.mark.django_db
def test_an_editor_builds_the_main_menu_and_the_footer_links(editor_client, client, home_page):
    about = ContentPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    history = ContentPageFactory(parent=about, title="Lịch sử", slug="lich-su")
    add = "/admin/snippets/menus/menuitem/add/"
    base = {"menu": "main", "parent": "", "page": "", "url": "", "label": ""}
    assert editor_client.post(add, {**base, "page": about.pk, "sort_order": 1}).status_code == 302
    parent = MenuItem.objects.get()
    response = editor_client.post(
        add, {**base, "parent": parent.pk, "page": history.pk, "sort_order": 1}
    )
    assert response.status_code == 302
    response = editor_client.post(
        add, {**base, "url": "https://congdoan.vn/", "label": "Tổng Liên đoàn", "sort_order": 2}
    )
    assert response.status_code == 302
    response = editor_client.post(
        add, {**base, "menu": "footer", "url": "/tim-kiem/", "label": "Tìm kiếm", "sort_order": 1}
    )
    assert response.status_code == 302
    client.logout()

    html = client.get("/gioi-thieu/lich-su/").content.decode()
    menu = nav(html)
    labels = re.findall(r"<a [^>]*>([^<]+)</a>", menu)
    assert labels == ["Trang chủ", "Giới thiệu", "Lịch sử", "Tổng Liên đoàn"]
    assert re.search(
        r'<ul class="main-nav__sub">\s*<li><a href="/gioi-thieu/lich-su/" aria-current="page">',
        menu,
    )
    assert 'href="/gioi-thieu/" aria-current="page"' in menu
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/tim-kiem/">Tìm kiếm</a>' in footer

    # Editing an item changes the cached menu at once.
    item = MenuItem.objects.get(url="https://congdoan.vn/")
    item.label = "Tổng Liên đoàn Lao động Việt Nam"
    item.save()
    assert "Tổng Liên đoàn Lao động Việt Nam" in nav(client.get("/").content.decode())


@pytest.mark.django_db
def test_only_one_level_of_sub_items_and_a_page_or_an_address(home_page):
    page = ContentPageFactory(parent=home_page)
    top = MenuItem.objects.create(page=page)
    child = MenuItem.objects.create(parent=top, url="/a/")
    with pytest.raises(ValidationError):
        MenuItem(parent=child, url="/b/").full_clean()
    with pytest.raises(ValidationError):
        MenuItem(url="").full_clean()
    with pytest.raises(ValidationError):
        MenuItem(url="javascript:alert(1)").full_clean()


@pytest.mark.django_db
def test_the_menu_costs_the_same_whatever_its_size(
    client, home_page, django_assert_max_num_queries
):
    first = ContentPageFactory(parent=home_page, slug="mot")
    MenuItem.objects.create(page=first)
    few = count_queries(client, "/mot/")
    for n in range(10):
        top = MenuItem.objects.create(page=ContentPageFactory(parent=home_page, slug=f"p{n}"))
        MenuItem.objects.create(parent=top, url=f"/con-{n}/", label=f"Con {n}")
    cache.clear()
    with django_assert_max_num_queries(few):
        assert client.get("/mot/").status_code == 200
