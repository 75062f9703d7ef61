"""Fixtures for the news tests: a news index, categories, tags and a helper that writes and
publishes articles the way an editor does (revision, then publish)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from taggit.models import Tag
from wagtail.images.tests.utils import get_test_image_file

from news.models import NewsArticlePage, NewsArticleRelatedArticle, NewsCategory, NewsIndexPage

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(year, month, day, hour=9, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=VN)


@pytest.fixture
def news_index(home_page):
    index = NewsIndexPage(title="Tin tức", slug="tin-tuc", show_in_menus=True, page_size=10)
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def union_category(db):
    return NewsCategory.objects.create(name="Hoạt động Công đoàn", slug="hoat-dong-cong-doan")


@pytest.fixture
def policy_category(db):
    return NewsCategory.objects.create(name="Chính sách – Pháp luật", slug="chinh-sach-phap-luat")


@pytest.fixture
def image(db):
    from wagtail.images import get_image_model

    return get_image_model().objects.create(
        title="Ảnh hội nghị", file=get_test_image_file(size=(640, 360))
    )


@pytest.fixture
def make_article(news_index, union_category):
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
        title = title or f"Bài viết số {counter['n']}"
        article = NewsArticlePage(
            title=title,
            slug=f"bai-viet-{counter['n']}",
            published_at=(
                vn(2024, 3, 1 + counter["n"] % 27) if published_at == "default" else published_at
            ),
            lead=fields.pop("lead", f"Sapo của {title}."),
            byline=fields.pop("byline", "Kim Thư"),
            category=category or union_category,
            go_live_at=go_live_at,
            live=False,  # as the admin does: the page goes live when its revision is published
            related_articles=[NewsArticleRelatedArticle(article=picked) for picked in related],
            **fields,
        )
        for name in tags:
            tag = Tag.objects.filter(name=name).first()
            article.tags.add(tag or name)
        news_index.add_child(instance=article)
        revision = article.save_revision()
        if publish:
            revision.publish()
        article.refresh_from_db()
        return article

    return make


def preview_form_data(article, *, title, lead, body, tags):
    """The article's edit form as an editor fills it in for a preview (Wagtail's form data)."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    return nested_form_data(
        {
            "title": title,
            "slug": article.slug,
            "published_at": "2024-03-21 10:50",
            "byline": "Kim Thư",
            "category": article.category_id,
            "lead": lead,
            "hero_caption": "",
            "hero_alt": "",
            "body": streamfield([("paragraph", rich_text(f"<p>{body}</p>"))]),
            "tags": tags,
            "related_articles": inline_formset([]),
            "go_live_at": "",
            "expire_at": "",
            "seo_title": "",
            "search_description": "",
        }
    )
