"""Factories for the news app's page types and snippets (see `home.factories` for how a page is
created and published)."""

import factory
from factory.django import DjangoModelFactory

from home.factories import EditorPageFactory, page_factory

from .models import NewsArticlePage, NewsCategory, NewsIndexPage

__all__ = ["NewsArticlePageFactory", "NewsCategoryFactory", "NewsIndexPageFactory"]


class NewsCategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")

    class Meta:
        model = NewsCategory
        django_get_or_create = ("slug",)


NewsIndexPageFactory = page_factory(NewsIndexPage, "Tin tức", "tin-tuc", show_in_menus=True)


class NewsArticlePageFactory(EditorPageFactory):
    """An article with a lead and a category; `related_articles` takes a list of
    `NewsArticleRelatedArticle` rows, `tags` a list of names."""

    title = factory.Sequence(lambda n: f"Bài viết số {n}")
    slug = factory.Sequence(lambda n: f"bai-viet-{n}")
    lead = factory.LazyAttribute(lambda obj: f"Sapo của {obj.title}.")
    category = factory.SubFactory(NewsCategoryFactory)

    class Meta:
        model = NewsArticlePage
