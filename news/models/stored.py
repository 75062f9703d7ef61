"""What the stored rows of an article (its parts, news.models.article_parts; its card,
news.models.cards) have in common: one row per article, keyed by what it was built for."""

from django.db import models


class StoredForArticle(models.Model):
    """A row rendered from an article and stored beside it. `key` is what it was built for (its
    format, the site, the site's content version, the language): any other key makes it stale.
    Subclasses add `page` (`article_key`, with their own related name) and what they store."""

    key = models.JSONField()

    # Written while pages render: never a reason to purge the page cache (portal/pagecache).
    page_cache_purge = False

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.pk}: {self.key}"


def article_key(related_name):
    """The `page` of a stored row: its primary key, one-to-one to the article it was rendered
    from and deleted with it; `related_name` is how the article reaches it."""
    return models.OneToOneField(
        "news.NewsArticlePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name=related_name,
    )
