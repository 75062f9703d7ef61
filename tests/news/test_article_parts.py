"""An article's stored parts (news/models/article_parts.py: its tags' and category's links, its
JSON-LD, its hero picture and its related articles) follow every change they show, with nothing
remembered (FRAGMENT_CACHE=0, page cache off), and once stored an article costs three queries."""

import json
import re

import pytest
from taggit.models import Tag
from wagtail.models import Site

from home import stored_sections
from home.factories import drawn_image_file
from home.models import SiteBranding
from news.models import ArticleParts, NewsArticlePage
from tests.public_pages import json_ld, json_ld_blocks, page_html

from .conftest import post_preview, vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def cold(settings):
    settings.FRAGMENT_CACHE_ENABLED = False


def page(client, article):
    return page_html(client, article.url)


def related(client, article):
    html = page(client, article)
    start = html.find('<section class="section related"')
    return html[start : html.find("</section>", start)] if start >= 0 else ""


def breadcrumb(html):
    """The names in the page's BreadcrumbList (JSON-LD)."""
    for _nonce, text in json_ld_blocks(html):
        data = json.loads(text)
        if data["@type"] == "BreadcrumbList":
            return [item["name"] for item in data["itemListElement"]]
    return []


def hero(html):
    return re.search(r'<figure class="figure news-article__hero">(.*?)</figure>', html, re.S)[1]


def test_related_articles_follow_renames_new_articles_and_unpublishing(client, cold, make_article):
    older = make_article("Tin cũ cùng thẻ", tags=["đại hội"], published_at=vn(2024, 3, 1))
    article = make_article("Bài đang đọc", tags=["đại hội"], published_at=vn(2024, 3, 9))
    assert "Tin cũ cùng thẻ" in related(client, article)
    assert ArticleParts.objects.filter(page=article).exists()  # stored by that render

    older.title = "Tin cũ đã đổi tên"
    older.save_revision().publish()
    assert "Tin cũ đã đổi tên" in related(client, article)

    newer = make_article("Tin mới cùng thẻ", tags=["đại hội"], published_at=vn(2024, 3, 5))
    assert related(client, article).index("Tin mới cùng thẻ") < related(client, article).index(
        "Tin cũ đã đổi tên"
    )
    newer.unpublish()
    older.unpublish()
    assert related(client, article) == ""


def test_an_article_moved_into_a_private_section_leaves_the_related_list(
    client, cold, make_article, home_page
):
    from wagtail.models import PageViewRestriction

    from news.factories import NewsIndexPageFactory

    moved = make_article("Tin sẽ chuyển", tags=["đại hội"], published_at=vn(2024, 3, 1))
    article = make_article("Bài đang đọc", tags=["đại hội"], published_at=vn(2024, 3, 9))
    assert "Tin sẽ chuyển" in related(client, article)
    private = NewsIndexPageFactory(parent=home_page, slug="noi-bo", title="Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    moved.move(private, pos="last-child")
    assert "Tin sẽ chuyển" not in related(client, article)


def test_a_renamed_tag_or_category_shows_at_once(client, cold, make_article, union_category):
    article = make_article("Bài có thẻ", tags=["đại hội"])
    assert 'href="/tin-tuc/the/dai-hoi/"' in page(client, article)

    tag = Tag.objects.get(name="đại hội")
    tag.name, tag.slug = "đại hội XIII", "dai-hoi-xiii"
    tag.save()
    html = page(client, article)
    assert '<a href="/tin-tuc/the/dai-hoi-xiii/">đại hội XIII</a>' in html
    assert json_ld(html)["keywords"] == ["đại hội XIII"]

    union_category.name, union_category.slug = "Công đoàn cơ sở", "cong-doan-co-so"
    union_category.save()
    html = page(client, article)
    assert '<a href="/tin-tuc/chuyen-muc/cong-doan-co-so/">Công đoàn cơ sở</a>' in html
    assert json_ld(html)["articleSection"] == "Công đoàn cơ sở"
    assert "Công đoàn cơ sở" in breadcrumb(html)


def test_a_renamed_news_index_reaches_the_breadcrumb_trail(client, cold, make_article, news_index):
    article = make_article("Bài trong mục")
    assert news_index.title in breadcrumb(page(client, article))
    news_index.title = "Tin tức – Sự kiện"
    news_index.save_revision().publish()
    assert "Tin tức – Sự kiện" in breadcrumb(page(client, article))


def test_a_changed_image_reaches_the_hero_the_cards_and_the_json_ld(
    client, cold, make_article, image
):
    card = make_article("Tin có ảnh", tags=["đại hội"], hero_image=image)
    article = make_article("Bài có ảnh", tags=["đại hội"], hero_image=image)
    html = page(client, article)
    assert "hoi-nghi" in hero(html) and "hoi-nghi" in related(client, article)

    # As the admin's image form does when a new file is uploaded.
    image.file = drawn_image_file("dai-hoi.png", size=(640, 360))
    image.description = "Đại biểu biểu quyết"
    image.save()
    image.renditions.all().delete()
    html = page(client, article)
    assert "hoi-nghi" not in hero(html) and "dai-hoi" in hero(html)
    assert 'alt="Đại biểu biểu quyết"' in hero(html)
    assert "dai-hoi" in json_ld(html)["image"][0]
    assert "hoi-nghi" not in related(client, article)
    assert card.title in related(client, article)


def test_the_sites_branding_reaches_the_json_ld(client, cold, make_article):
    article = make_article("Bài của trang")
    page(client, article)
    branding = SiteBranding.for_site(Site.objects.get(is_default_site=True))
    branding.name_vi = "CÔNG ĐOÀN THỬ NGHIỆM"
    branding.save()
    assert json_ld(page(client, article))["publisher"]["name"] == "CÔNG ĐOÀN THỬ NGHIỆM"


def test_parts_stored_at_an_older_version_are_built_again(client, cold, make_article):
    older = make_article("Tin cũ cùng thẻ", tags=["đại hội"], published_at=vn(2024, 3, 1))
    article = make_article("Bài đang đọc", tags=["đại hội"], published_at=vn(2024, 3, 9))
    assert "Tin cũ cùng thẻ" in related(client, article)
    # A change written without signals (as a bulk write), then marked as bulk writers do: the
    # stored parts carry the version they were built at, so the next render builds them again.
    NewsArticlePage.objects.filter(pk=older.pk).update(title="Tin sửa hàng loạt")
    stored_sections.mark_stale()
    assert "Tin sửa hàng loạt" in related(client, article)


def test_a_preview_never_stores_its_parts(client, admin_client, cold, make_article):
    article = make_article("Bài đang đăng", tags=["đại hội"])
    page(client, article)
    stored = ArticleParts.objects.get(page=article)
    url, answer = post_preview(
        admin_client, article, title="Bài nháp", lead="Sapo nháp.", body="Nháp.", tags="thẻ nháp,"
    )
    assert answer["is_valid"]
    assert '<a href="/tin-tuc/the/the-nhap/">thẻ nháp</a>' in admin_client.get(url).content.decode()
    assert ArticleParts.objects.get(page=article).parts == stored.parts
    assert "thẻ nháp" not in page(client, article)


def test_a_stored_article_costs_three_queries(
    client, cold, make_article, image, django_assert_max_num_queries
):
    make_article("Tin liên quan", tags=["đại hội"], hero_image=image)
    article = make_article("Bài đo truy vấn", tags=["đại hội"], hero_image=image)
    page(client, article)  # stores them
    # The site with its branding, the pages on the path, the article with its parts.
    with django_assert_max_num_queries(3):
        html = page(client, article)
    assert "Tin liên quan" in related(client, article) and "hoi-nghi" in hero(html)
