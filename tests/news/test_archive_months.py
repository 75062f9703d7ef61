"""The month archive list on /tin-tuc/ comes from each article's `published_month`, kept on save:
it follows publishing, unpublishing, a changed date and deletion exactly as a reader expects, and
listing it is one query whatever the archive's size."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.generate import generate_articles
from news.models import NewsArticlePage, NewsIndexPage

from .conftest import vn

pytestmark = pytest.mark.django_db


def archive_links(client):
    html = client.get("/tin-tuc/").content.decode()
    block = (
        html.split('class="news-archive__list"', 1)[1].split("</ul>", 1)[0]
        if ('class="news-archive__list"' in html)
        else ""
    )
    return re.findall(r'href="/tin-tuc/(\d{4}/\d{2})/"', block)


def test_archive_follows_publish_unpublish_date_change_and_delete(client, news_index, make_article):
    # 00:30 on 1 April in Hà Nội is still 31 March in UTC: the article belongs to April.
    april = make_article("Đầu tháng Tư", published_at=vn(2024, 4, 1, 0, 30))
    march = make_article("Giữa tháng Ba", published_at=vn(2024, 3, 15))
    make_article("Bản nháp tháng Năm", published_at=vn(2024, 5, 2), publish=False)
    assert archive_links(client) == ["2024/04", "2024/03"]

    march.unpublish()
    assert archive_links(client) == ["2024/04"]

    # The editor moves the April article's date to January and publishes the change.
    april = NewsArticlePage.objects.get(pk=april.pk)
    april.published_at = vn(2024, 1, 20)
    april.save_revision().publish()
    assert archive_links(client) == ["2024/01"]
    assert "Đầu tháng Tư" in client.get("/tin-tuc/2024/01/").content.decode()

    march = NewsArticlePage.objects.get(pk=march.pk)
    march.save_revision().publish()
    assert archive_links(client) == ["2024/03", "2024/01"]

    NewsArticlePage.objects.get(pk=april.pk).delete()
    assert archive_links(client) == ["2024/03"]


def test_generated_articles_have_their_month(news_index):
    generate_articles(30, seed=3)
    months = {
        (article.published_month, article.published_at) for article in NewsArticlePage.objects.all()
    }
    assert months
    for month, published in months:
        local = timezone.localtime(published)
        assert month == local.date().replace(day=1)


def test_archive_months_is_one_query_at_any_size(news_index, settings):
    settings.FRAGMENT_CACHE_ENABLED = False  # compute, never recall
    generate_articles(5, seed=4)
    index = NewsIndexPage.objects.get(pk=news_index.pk)
    with CaptureQueriesContext(connection) as small:
        few = index.archive_months()
    generate_articles(120, seed=5)
    with CaptureQueriesContext(connection) as large:
        many = index.archive_months()
    assert len(large) == len(small) <= 2
    assert len(many) >= len(few) >= 1
    assert many == sorted(many, reverse=True)
    assert len(many) <= 24
