"""What shows a news article, for the page cache's narrow purges (portal/pagecache/dependents.py
adds the article itself, home, the news index, the pages that link to it or that it links to,
search and the sitemap).

An article is shown by its index's feeds, its category's page and feeds, its tags' pages, its
month's page, and the related lists of the articles that picked it or share a tag with it. Every
listing of the index also shows the categories and months that have articles: when this article
is the only one of its category or month, all of them change.
"""

# More articles sharing a tag than this: purge the whole news index (pages and listings) instead.
RELATED_LIMIT = 300


def article_dependents(article):
    # Models by name: news.models calls this module (no import cycle).
    from django.apps import apps
    from wagtail.models import Page

    NewsArticleTag = apps.get_model("news", "NewsArticleTag")
    NewsCategory = apps.get_model("news", "NewsCategory")
    NewsArticleRelatedArticle = apps.get_model("news", "NewsArticleRelatedArticle")
    index = Page.objects.filter(path=article.path[: -Page.steplen]).values_list("pk", flat=True)
    index_id = index.first()
    if index_id is None:
        return []
    items = [("path", index_id, "rss/"), ("path", index_id, "atom/")]
    siblings = type(article).objects.live().public()
    siblings = siblings.filter(path__startswith=article.path[: -Page.steplen])
    siblings = siblings.exclude(pk=article.pk)
    if article.category_id:
        slug = NewsCategory.objects.filter(pk=article.category_id).values_list("slug", flat=True)
        for value in slug:
            items.append(("tree", index_id, f"chuyen-muc/{value}/"))
    if article.published_month:
        month = article.published_month
        items.append(("path", index_id, f"{month.year:04d}/{month.month:02d}/"))
    tag_ids, tag_slugs = [], []
    for tag_id, slug in NewsArticleTag.objects.filter(content_object_id=article.pk).values_list(
        "tag_id", "tag__slug"
    ):
        tag_ids.append(tag_id)
        tag_slugs.append(slug)
        items.append(("path", index_id, f"the/{slug}/"))
    if _alone(siblings, article):
        # A category or month appears or disappears in every listing's side column.
        items += [("tree", index_id, "chuyen-muc/"), ("tree", index_id, "the/")]
        years = siblings.exclude(published_month=None).values_list("published_month", flat=True)
        for year in {value.year for value in years.order_by().distinct()}:
            items.append(("tree", index_id, f"{year:04d}/"))
    picked_by = NewsArticleRelatedArticle.objects.filter(article_id=article.pk)
    items += [("path", page_id, "") for page_id in picked_by.values_list("page_id", flat=True)]
    if tag_ids:
        sharing = list(
            siblings.filter(
                pk__in=NewsArticleTag.objects.filter(tag_id__in=tag_ids).values("content_object_id")
            ).values_list("pk", flat=True)[: RELATED_LIMIT + 1]
        )
        if len(sharing) > RELATED_LIMIT:
            items.append(("tree", index_id, ""))
        else:
            items += [("path", page_id, "") for page_id in sharing]
    return items


def _alone(siblings, article):
    """Whether the article is the only one of its category or of its month in the index."""
    if article.category_id and not siblings.filter(category_id=article.category_id).exists():
        return True
    month = article.published_month
    return bool(month) and not siblings.filter(published_month=month).exists()
