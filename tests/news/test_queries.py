"""Query budgets: the index, an article, a category page and the feed run the same bounded number
of queries with 5 articles and with 100 (renditions, categories and tags prefetched).

Each page is requested once first so that image renditions exist (their first generation writes
rows), then counted. What the index runs today (17):
  routing: site (1), page path lookups root/home/index (3), aliases (1), view restrictions (2);
  the list: paginator COUNT (1), a view-restriction check for `.public()` (1), the article rows
  with their category joined (1), hero images (1), their renditions (1), their tags (1);
  around it: the category menu (1, plus 1 restriction check), site branding (1), main menu (1).
An article adds its parent (the news index), editor-picked ids, its tags, the ids sharing a tag,
the related cards (as above) and its hero image; a feed is routing plus articles and their tags.
The budgets leave a little room for the site chrome, never room to grow with the content.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.generate import generate_articles
from news.models import NewsArticlePage, NewsCategory

pytestmark = pytest.mark.django_db

BUDGETS = {
    "index": 20,
    "category": 20,
    "tag": 20,
    "month": 20,
    "article": 25,
    "feed": 12,
    "atom": 12,
    "category feed": 12,
}


def urls():
    article = NewsArticlePage.objects.live().order_by("-published_at").first()
    category = NewsCategory.objects.filter(articles__isnull=False).first()
    tag = article.tags.first()
    month = article.published_at
    from django.utils import timezone

    month = timezone.localtime(month)
    return {
        "index": "/tin-tuc/",
        "category": f"/tin-tuc/chuyen-muc/{category.slug}/",
        "tag": f"/tin-tuc/the/{tag.slug}/",
        "month": f"/tin-tuc/{month:%Y}/{month:%m}/",
        "article": article.url,
        "feed": "/tin-tuc/rss/",
        "atom": "/tin-tuc/atom/",
        "category feed": f"/tin-tuc/chuyen-muc/{category.slug}/rss/",
        "home": "/",
    }


def count_queries(client, url):
    """The queries of a cold render: renditions exist (made by a first request), but nothing is
    remembered in the cache (portal/pagecache/memo.py), so the whole page is counted."""
    assert client.get(url).status_code == 200, url  # warm up: renditions are made once
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def assert_budgets_hold(client, django_assert_max_num_queries):
    """Each page's second request (renditions made, shared parts remembered) within its budget."""
    for name, url in urls().items():
        if name not in BUDGETS:
            continue
        client.get(url)
        with django_assert_max_num_queries(BUDGETS[name], info=name):
            response = client.get(url)
        assert response.status_code == 200


def test_query_budget_holds(client, home_page, django_assert_max_num_queries):
    """With 5 articles; with 100, in the next test (which makes them)."""
    generate_articles(5, seed=7)
    assert_budgets_hold(client, django_assert_max_num_queries)


def test_query_count_does_not_grow_with_articles(
    client, make_article, image, django_assert_max_num_queries
):
    # An article whose related list is its own (a tag the generator never uses), so the two
    # counts compare the same page with the same content around it.
    for number in range(3):
        make_article(f"Bài liên quan {number}", tags=["thẻ kiểm thử"], hero_image=image)
    article = make_article("Bài đo truy vấn", tags=["thẻ kiểm thử"], hero_image=image)
    generate_articles(5, seed=1)
    pages = {**urls(), "article": article.url}
    small = {name: count_queries(client, url) for name, url in pages.items()}
    generate_articles(95, seed=2)
    large = {name: count_queries(client, url) for name, url in pages.items()}
    assert large == small
    # The budgets hold with 100 articles as with 5 (test_query_budget_holds).
    assert_budgets_hold(client, django_assert_max_num_queries)
