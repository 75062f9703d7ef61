"""Keep the news index's cached month archive in step with publishing."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from .models import NewsArticlePage, archive_cache_key


def clear_archive_cache(sender, instance, **kwargs):
    parent_path = instance.path[: -instance.steplen] if instance.path else ""
    if parent_path:
        from wagtail.models import Page

        parent_pk = Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
        if parent_pk:
            cache.delete(archive_cache_key(parent_pk))


def connect():
    page_published.connect(clear_archive_cache, sender=NewsArticlePage, dispatch_uid="news-pub")
    page_unpublished.connect(clear_archive_cache, sender=NewsArticlePage, dispatch_uid="news-unpub")
    post_delete.connect(clear_archive_cache, sender=NewsArticlePage, dispatch_uid="news-delete")
