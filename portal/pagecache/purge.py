"""When the page cache is purged.

Any change that can alter what a public page shows starts a new cache generation (see
generation.py). Deliberately generic, so a new model shown on pages needs no wiring:

- a page is published, unpublished, moved or deleted (also by `publish_scheduled`, which calls
  publish/unpublish and so sends the same signals), or saved outside the draft workflow;
- any model of the portal's own apps (PAGE_CACHE_PURGE_APPS: snippets such as partners and news
  categories, site settings, a page's inline children) is saved or deleted, or its many-to-many
  links change;
- Wagtail images, documents, sites, redirects, privacy restrictions, locales and tags change.

Not purged:
- saving a draft (a revision) of a page or snippet: readers see only published content;
- models that opt out with `page_cache_purge = False` (the member registry: a sign-up must not
  empty the whole site's cache; the progress figures on the home page follow within
  PAGE_CACHE_TIMEOUT);
- writes that happen while pages render (image renditions, fetched embeds, search hit counters).

The purge happens immediately (this and every other process stop serving the old pages) and once
more when the surrounding transaction commits: a request rendered by another worker between the
change and its commit saw the old data, and must not stay cached under the new generation.
"""

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from . import generation

logger = logging.getLogger(__name__)

# Fields written by saving a draft, locking, or comments: none of them changes a published page.
DRAFT_ONLY_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
        # Written when Wagtail computes an image's or document's hash while rendering.
        "file_hash",
        "file_size",
    }
)

# Models outside our apps whose changes alter public pages ("app_label.ModelName", lower case).
EXTRA_MODELS = frozenset(
    {
        "wagtailcore.page",
        "wagtailcore.pageviewrestriction",
        "wagtailcore.site",
        "wagtailcore.locale",
        "wagtailredirects.redirect",
        "taggit.tag",
    }
)


def _watched(model: type[Model]) -> bool:
    if getattr(model, "page_cache_purge", True) is False:
        return False
    meta = model._meta
    if meta.app_label in settings.PAGE_CACHE_PURGE_APPS:
        return True
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    if issubclass(model, Page | get_image_model() | get_document_model()):
        return True
    return meta.label_lower in EXTRA_MODELS


_watched_cache: dict[type[Model], bool] = {}


def watched(model: type[Model]) -> bool:
    try:
        return _watched_cache[model]
    except KeyError:
        result = _watched_cache[model] = _watched(model)
        return result


def _after_commit() -> None:
    generation.bump()


_after_commit.page_cache_marker = True  # type: ignore[attr-defined]


def purge(reason: str = "") -> None:
    """Purge the whole page cache now, and again when the current transaction commits."""
    if not settings.PAGE_CACHE_PURGE_ENABLED:
        return
    generation.bump()
    logger.debug("Page cache purged: %s", reason)
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        getattr(func, "page_cache_marker", False) for _, func, _ in connection.run_on_commit
    ):
        transaction.on_commit(_after_commit)


def on_save(
    sender: type[Model],
    instance: Model,
    raw: bool = False,
    update_fields: Iterable[str] | None = None,
    **kwargs: object,
) -> None:
    if raw or not watched(sender):
        return
    if update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    purge(f"save {sender._meta.label}")


def on_delete(sender: type[Model], instance: Model, **kwargs: object) -> None:
    if watched(sender):
        purge(f"delete {sender._meta.label}")


def on_m2m(sender: type[Model], instance: Model, action: str, **kwargs: object) -> None:
    if action.startswith("post_") and (watched(sender) or watched(type(instance))):
        purge(f"m2m {sender._meta.label}")


def on_page_event(sender: type[Model], instance: Model, **kwargs: object) -> None:
    purge(f"page event {sender._meta.label}")


# --- The CDN / nginx in front (wagtail.contrib.frontend_cache) -------------------------------
# Wagtail purges a page's URLs from the frontend cache when it is published or unpublished. These
# add moves and deletions (the old URL), and the site's home page for changes to snippets and
# settings (other pages follow within PAGE_CACHE_S_MAXAGE).


def _frontend_enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _frontend_purge_page(page: Model) -> None:
    from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

    try:
        purge_page_from_cache(page)
    except Exception:
        logger.exception("Frontend cache purge failed for page %s", page.pk)


def on_page_pre_delete(sender: type[Model], instance: Model, **kwargs: object) -> None:
    from wagtail.models import Page

    if _frontend_enabled() and isinstance(instance, Page) and instance.live:
        _frontend_purge_page(instance)


def on_page_moved(
    sender: type[Model], instance: Any, url_path_before: str | None = None, **kwargs: object
) -> None:
    purge(f"move {sender._meta.label}")
    if _frontend_enabled() and instance.live:
        _frontend_purge_page(instance)
        if url_path_before:
            old = type(instance).objects.get(pk=instance.pk)
            old.url_path = url_path_before
            _frontend_purge_page(old)


def on_non_page_change(
    sender: type[Model],
    instance: Model,
    update_fields: Iterable[str] | None = None,
    raw: bool = False,
    **kwargs: object,
) -> None:
    from wagtail.models import Page, Site

    if not _frontend_enabled() or raw or isinstance(instance, Page) or not watched(sender):
        return
    if update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    try:
        batch = PurgeBatch()
        for site in Site.objects.select_related("root_page"):
            batch.add_page(site.root_page)
        batch.purge()
    except Exception:
        logger.exception("Frontend cache purge failed")


def connect_signals() -> None:
    from wagtail.signals import page_published, page_unpublished, post_page_move, published

    post_save.connect(on_save, dispatch_uid="pagecache_save")
    post_delete.connect(on_delete, dispatch_uid="pagecache_delete")
    m2m_changed.connect(on_m2m, dispatch_uid="pagecache_m2m")
    page_published.connect(on_page_event, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_page_event, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="pagecache_moved")
    pre_delete.connect(on_page_pre_delete, dispatch_uid="pagecache_frontend_delete")
    post_save.connect(on_non_page_change, dispatch_uid="pagecache_frontend_save")
    published.connect(on_non_page_change, dispatch_uid="pagecache_frontend_published")
