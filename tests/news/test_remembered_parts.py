"""Parts of news pages remembered until the next purge (portal/pagecache/memo.py): the list
count, the category menu and the related articles follow every publish and unpublish, with the
page cache off (as for editors, or right after a purge)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def related_titles(client, article):
    html = client.get(article.url).content.decode()
    if 'id="related-title"' not in html:
        return ""
    return html.split('id="related-title"', 1)[1]


def test_related_articles_follow_publishing_and_unpublishing(client, make_article):
    article = make_article("Hội nghị Ban Chấp hành", tags=["đại hội xiii"])
    assert related_titles(client, article) == ""
    newer = make_article("Tổng kết năm", tags=["đại hội xiii"])
    assert "Tổng kết năm" in related_titles(client, article)
    newer.unpublish()
    assert "Tổng kết năm" not in related_titles(client, article)


def test_list_count_and_categories_follow_publishing(client, make_article, policy_category):
    for number in range(10):  # the index shows 10 per page
        make_article(f"Bài {number}")
    html = client.get("/tin-tuc/").content.decode()
    assert "?page=2" not in html and policy_category.name not in html
    make_article("Chính sách mới", category=policy_category)
    html = client.get("/tin-tuc/").content.decode()
    assert "?page=2" in html and policy_category.name in html


def test_a_second_render_reuses_the_count_and_categories(client, make_article, settings):
    for number in range(3):
        make_article(f"Bài {number}")
    client.get("/")  # the first page view creates the site settings (a change: a purge)
    client.get("/tin-tuc/")
    with CaptureQueriesContext(connection) as remembered:
        client.get("/tin-tuc/")
    settings.FRAGMENT_CACHE_ENABLED = False
    with CaptureQueriesContext(connection) as cold:
        client.get("/tin-tuc/")
    sql = [query["sql"] for query in remembered.captured_queries]
    assert not any("COUNT(" in text for text in sql)
    assert not any('FROM "news_newscategory"' in text for text in sql)
    assert any("COUNT(" in query["sql"] for query in cold.captured_queries)
    assert len(remembered) < len(cold)
