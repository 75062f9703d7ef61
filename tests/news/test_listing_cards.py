"""The news lists' stored cards (news/models/cards.py `ArticleCard`): every list (the index, a
category, a tag, a month) shows what the article, its category and its image say now, with
nothing remembered (FRAGMENT_CACHE=0, page cache off); a list whose cards are stored reads no
image or rendition."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home import stored_sections
from home.factories import drawn_image_file
from news.models import ArticleCard, NewsArticlePage
from tests.public_pages import page_html

from .conftest import vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def cold(settings):
    settings.FRAGMENT_CACHE_ENABLED = False


def list_urls(category):
    return (
        "/tin-tuc/",
        f"/tin-tuc/chuyen-muc/{category.slug}/",
        "/tin-tuc/the/dai-hoi/",
        "/tin-tuc/2024/03/",
    )


def cards(html):
    return re.findall(r'<article class="card news-card">.*?</article>', html, re.S)


def test_an_edited_article_reaches_every_list(client, cold, make_article, union_category):
    article = make_article("Tiêu đề đầu", tags=["đại hội"], published_at=vn(2024, 3, 9))
    for url in list_urls(union_category):
        assert "Tiêu đề đầu" in page_html(client, url)
    assert ArticleCard.objects.filter(page=article).exists()  # stored by those renders

    article.title, article.lead = "Tiêu đề mới", "Sapo mới của bài."
    article.save_revision().publish()
    for url in list_urls(union_category):
        (card,) = cards(page_html(client, url))
        assert ">Tiêu đề mới</a>" in card and "Sapo mới của bài." in card, url
        assert "Tiêu đề đầu" not in card


def test_a_renamed_category_reaches_the_cards(client, cold, make_article, union_category):
    make_article("Bài trong chuyên mục", tags=["đại hội"])
    assert union_category.name in cards(page_html(client, "/tin-tuc/"))[0]
    union_category.name = "Công đoàn cơ sở"
    union_category.save()
    for url in list_urls(union_category):
        assert '<span class="news-card__category">Công đoàn cơ sở</span>' in page_html(client, url)


def test_a_changed_image_reaches_the_cards(client, cold, make_article, union_category, image):
    make_article("Tin có ảnh", tags=["đại hội"], hero_image=image)
    assert "hoi-nghi" in cards(page_html(client, "/tin-tuc/"))[0]
    # As the admin's image form does when a new file is uploaded.
    image.file = drawn_image_file("dai-hoi.png", size=(640, 360))
    image.save()
    image.renditions.all().delete()
    for url in list_urls(union_category):
        (card,) = cards(page_html(client, url))
        assert "hoi-nghi" not in card and "dai-hoi" in card, url


def test_cards_stored_at_an_older_version_are_built_again(client, cold, make_article):
    article = make_article("Tin đầu tiên")
    assert "Tin đầu tiên" in page_html(client, "/tin-tuc/")
    # A change written without signals (as a bulk write), then marked as bulk writers do.
    NewsArticlePage.objects.filter(pk=article.pk).update(title="Tin sửa hàng loạt")
    stored_sections.mark_stale()
    html = page_html(client, "/tin-tuc/")
    assert ">Tin sửa hàng loạt</a>" in html and ">Tin đầu tiên</a>" not in html


def test_a_list_of_stored_cards_reads_no_image(client, cold, make_article, image):
    for number in range(3):
        make_article(f"Tin có ảnh {number}", hero_image=image)
    first = page_html(client, "/tin-tuc/")  # builds and stores the cards
    with CaptureQueriesContext(connection) as queries:
        again = page_html(client, "/tin-tuc/")
    assert cards(again) == cards(first) and len(cards(again)) == 3
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "wagtailimages_rendition" not in read and "news_articlecard" in read
    assert not any(q["sql"].startswith(("INSERT", "UPDATE")) for q in queries.captured_queries)
