"""Fixtures for the news tests: a helper that writes and publishes articles the way an editor
does (a revision, then its publication). The news index and categories are shared fixtures
(tests/conftest.py)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from news.factories import NewsArticlePageFactory
from news.models import NewsArticleRelatedArticle

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(year, month, day, hour=9, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=VN)


@pytest.fixture
def make_article(news_index, union_category):
    """Write and publish an article as an editor does (a revision, then its publication)."""
    counter = {"n": 0}

    def make(
        title=None,
        published_at="default",
        category=None,
        tags=(),
        publish=True,
        go_live_at=None,
        related=(),
        **fields,
    ):
        counter["n"] += 1
        n = counter["n"]
        return NewsArticlePageFactory(
            parent=news_index,
            title=title or f"Bài viết số {n}",
            slug=f"bai-viet-{n}",
            published_at=vn(2024, 3, 1 + n % 27) if published_at == "default" else published_at,
            byline=fields.pop("byline", "Kim Thư"),
            category=category or union_category,
            go_live_at=go_live_at,
            related_articles=[NewsArticleRelatedArticle(article=picked) for picked in related],
            tags=tags,
            publish=publish,
            **fields,
        )

    return make


def preview_form_data(article, *, title, lead, body, tags):
    """The article's edit form as an editor fills it in for a preview (Wagtail's form data)."""
    from tests.news.admin_forms import article_form_data

    return article_form_data(
        article.category_id,
        title=title,
        body_html=f"<p>{body}</p>",
        slug=article.slug,
        published_at="2024-03-21 10:50",
        lead=lead,
        tags=tags,
    )


def post_preview(admin_client, article, **edits):
    """An editor's edits of the article sent for a preview, as the admin's preview panel does:
    the preview's URL (a GET renders it) and the answer to the POST (is the form valid)."""
    from django.urls import reverse

    url = reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,))
    return url, admin_client.post(url, preview_form_data(article, **edits)).json()
