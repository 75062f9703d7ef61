"""The home page's stored sections (home/stored_sections.py) follow every change they show,
with nothing remembered (FRAGMENT_CACHE=0, page cache off), and cost no query once stored."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from home import stored_sections
from home.models import SiteBranding

from .conftest import vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def cold(settings):
    settings.FRAGMENT_CACHE_ENABLED = False


def news_section(client):
    html = client.get("/").content.decode()
    start = html.find('class="section container news-home"')
    return html[start : html.find("</section>", start)] if start >= 0 else ""


def branding():
    return SiteBranding.for_site(Site.objects.get(is_default_site=True))


def test_publishing_renaming_and_unpublishing_show_at_once(client, cold, make_article):
    first = make_article("Tin thứ nhất", published_at=vn(2024, 3, 1))
    assert "Tin thứ nhất" in news_section(client)
    with CaptureQueriesContext(connection) as stored:
        assert "Tin thứ nhất" in news_section(client)
    assert not any("news_newsarticlepage" in q["sql"] for q in stored.captured_queries)

    second = make_article("Tin thứ hai", published_at=vn(2024, 3, 2))
    assert "Tin thứ hai" in news_section(client)
    second.category.name = "Chuyên mục đổi tên"
    second.category.save()
    assert "Chuyên mục đổi tên" in news_section(client)
    first.title = "Tin đã sửa"
    first.save_revision().publish()
    assert "Tin đã sửa" in news_section(client)
    second.unpublish()
    assert "Tin thứ hai" not in news_section(client)
    assert "RSS" in client.get("/").content.decode()  # the section's feed links in <head>


def test_a_new_day_builds_them_again(client, cold, make_article):
    make_article("Tin hôm nay", published_at=vn(2024, 3, 1))
    client.get("/")
    stored = branding().home_sections
    assert stored["day"]
    SiteBranding.objects.update(home_sections={**stored, "day": "2000-01-01", "body": "cũ"})
    assert "Tin hôm nay" in news_section(client)
    assert branding().home_sections["day"] != "2000-01-01"


def test_a_render_that_read_before_a_change_does_not_store_over_it(rf, cold, make_article):
    make_article("Tin cũ", published_at=vn(2024, 3, 1))
    read = branding()  # a render reads the row ...
    stored_sections.mark_stale()  # ... a change commits meanwhile ...
    request = rf.get("/")
    home = Site.objects.get(is_default_site=True).root_page.specific
    stored_sections.home_context(request, home, read)  # ... the render ends
    assert branding().home_sections is None  # built again by the next render, never the old one


def test_generated_articles_show_though_bulk_inserts_send_no_signals(
    client, cold, make_article, news_index
):
    from news.generate import generate_articles
    from news.models import NewsArticlePage

    make_article("Tin năm 2001", published_at=vn(2001, 1, 1))
    assert "Tin năm 2001" in news_section(client)
    generate_articles(3, seed=5)
    newest = NewsArticlePage.objects.order_by("-published_at").first()
    assert newest.title in news_section(client)
