"""When the page cache is purged, and how much of it.

Any change that can alter what a public page shows purges. Deliberately generic, so a new model
shown on pages needs no wiring:

- a page is published, unpublished, moved or deleted (also by `publish_scheduled`, which calls
  publish/unpublish and so sends the same signals), or saved outside the draft workflow: a
  **narrow purge** of the pages that show it, as it was before and as it is after
  (dependents.py: itself, its index and home, its listings and feeds, pages that reference it or
  that it references, search, the sitemap), or the whole site when that cannot be attributed (a
  page in the menus, the home page). Rows that belong to a page (its tags, inline items) follow
  their page;
- any model of the portal's own apps (PAGE_CACHE_PURGE_APPS: snippets such as partners and news
  categories, site settings, menus) is saved or deleted, or its many-to-many links change: the
  whole site (a new generation);
- Wagtail images, documents, sites, redirects, privacy restrictions, locales and tags change: the
  whole site. A new image, document or tag is not shown anywhere yet: no purge.

Not purged:
- saving a draft (a revision) of a page or snippet: readers see only published content;
- models that opt out with `page_cache_purge = False` (the member registry: a sign-up must not
  empty the whole site's cache; the progress figures on the home page follow within
  PAGE_CACHE_TIMEOUT);
- writes that happen while pages render (image renditions, fetched embeds, search hit counters).

The purge happens immediately (this and every other process stop serving the old pages) and once
more when the surrounding transaction commits: a request rendered by another worker between the
change and its commit saw the old data, and must not stay cached under the new version. A CDN in
front (WAGTAILFRONTENDCACHE) gets the same URLs from a background task after the commit.
"""

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from . import generation
from .dependents import page_model, page_parent_field
from .frontend import frontend_enabled, frontend_enqueue, frontend_purge_page

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


# Created without being shown anywhere yet: their first save purges nothing.
SHOWN_ONLY_ONCE_USED = frozenset({"wagtailimages.image", "wagtaildocs.document", "taggit.tag"})


class _Pending:
    """What the current transaction purged, purged again when it commits."""

    page_cache_marker = True

    def __init__(self) -> None:
        self.site = False
        self.tags: set[str] = set()
        self.pages: set[int] = set()  # pages whose dependents this transaction computed
        self.deleted: set[int] = set()
        self.deleted_trees: list[str] = []  # tree paths of deleted pages with children

    def __call__(self) -> None:
        if self.site:
            generation.bump()
            return
        from wagtail.models import Page

        # Everything the pages now show is saved (tags and inline rows come after the page).
        for page in Page.objects.filter(pk__in=self.pages).specific(defer=True):
            tags = _page_tags(page)
            if tags is None:
                generation.bump()
                return
            self.tags |= tags
        generation.bump_tags(self.tags)
        frontend_enqueue(self.tags)


def _page_tags(page: Model) -> set[str] | None:
    """dependents.page_tags(), or None (purge everything) if that fails: a purge never breaks a
    publish, nor leaves a stale page."""
    from .dependents import page_tags

    try:
        return page_tags(page)
    except Exception:
        logger.exception("Could not tell which pages show page %s; purging all", page.pk)
        return None


def _pending(create: bool = True) -> _Pending | None:
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return None
    savepoints = set(connection.savepoint_ids)
    for registered_in, func, _ in connection.run_on_commit:
        if isinstance(func, _Pending) and registered_in == savepoints:
            return func
    if not create:
        return None
    pending = _Pending()
    transaction.on_commit(pending)
    return pending


def purge(reason: str = "") -> None:
    """Purge the whole page cache now, and again when the current transaction commits."""
    if not settings.PAGE_CACHE_PURGE_ENABLED:
        return
    generation.bump()
    logger.debug("Page cache purged: %s", reason)
    pending = _pending()
    if pending is not None:
        pending.site = True


def purge_tags(tags: set[str], reason: str = "") -> None:
    """Purge the pages under these tags (and every remembered value), now and on commit."""
    if not settings.PAGE_CACHE_PURGE_ENABLED:
        return
    generation.bump_tags(tags)
    logger.debug("Page cache purged (%d paths): %s", len(tags), reason)
    pending = _pending()
    if pending is not None:
        pending.tags |= tags
    else:
        frontend_enqueue(tags)


def purge_page(page: Model, reason: str = "") -> None:
    """Purge what shows `page` (dependents.py), or the whole site if that cannot be told."""
    if not settings.PAGE_CACHE_PURGE_ENABLED:
        return
    pending = _pending()
    if pending is not None and page.pk:
        pending.pages.add(page.pk)
    tags = _page_tags(page)
    if tags is None:
        purge(reason)
    else:
        purge_tags(tags, reason)


def _handled_in_transaction(page_id: object) -> bool:
    """Whether the page's dependents are computed again when this transaction commits."""
    pending = _pending(create=False)
    return pending is not None and page_id in pending.pages


def _owner_page(sender: type[Model], instance: Model) -> Model | None:
    """The page a row belongs to (its ParentalKey), loaded unless this transaction handled it."""
    field = page_parent_field(sender)
    if field is None:
        return None
    from wagtail.models import Page

    page_id = getattr(instance, f"{field}_id", None)
    if page_id is None or _handled_in_transaction(page_id):
        return Page()  # nothing to do: a placeholder without a pk
    return Page.objects.filter(pk=page_id).first() or Page()


def on_page_pre_save(
    sender: type[Model],
    instance: Any,
    raw: bool = False,
    update_fields: Iterable[str] | None = None,
    **kwargs: object,
) -> None:
    """Purge what showed the page as it was (its old URL, category, tags, month)."""
    if raw or not instance.pk or not page_model(sender):
        return
    if update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    before: Any = sender._default_manager.filter(pk=instance.pk).first()
    instance._page_cache_was_live = bool(before and before.live)
    if before is not None and before.live:
        purge_page(before, f"before saving {sender._meta.label}")


def on_save(
    sender: type[Model],
    instance: Model,
    raw: bool = False,
    update_fields: Iterable[str] | None = None,
    created: bool = False,
    **kwargs: object,
) -> None:
    if raw or not watched(sender):
        return
    if update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    if page_model(sender):
        if getattr(instance, "live", False) or getattr(instance, "_page_cache_was_live", False):
            purge_page(instance, f"save {sender._meta.label}")
        return
    if created and sender._meta.label_lower in SHOWN_ONLY_ONCE_USED:
        return
    _purge_for_row(sender, instance, f"save {sender._meta.label}")


def on_delete(sender: type[Model], instance: Model, **kwargs: object) -> None:
    if not watched(sender) or page_model(sender):
        return  # pages: on_page_pre_delete
    _purge_for_row(sender, instance, f"delete {sender._meta.label}")


def _purge_for_row(sender: type[Model], instance: Model, reason: str) -> None:
    """A row that is not a page changed: only its page's entries if it belongs to one (an inline
    row of a page; nothing if this transaction handles that page already), else the whole
    cache."""
    owner = _owner_page(sender, instance)
    if owner is None:
        purge(reason)
    elif owner.pk:
        purge_page(owner, reason)


def on_m2m(sender: type[Model], instance: Model, action: str, **kwargs: object) -> None:
    if not action.startswith("post_"):
        return
    if page_model(type(instance)):
        if not _handled_in_transaction(instance.pk):
            purge_page(instance, f"m2m {sender._meta.label}")
    elif watched(sender) or watched(type(instance)):
        purge(f"m2m {sender._meta.label}")


def on_page_event(sender: type[Model], instance: Model, **kwargs: object) -> None:
    """Published or unpublished: the page and its child rows are saved by now."""
    from wagtail.models import ReferenceIndex

    # Wagtail updates the index in a background task; the pages this one now links to (a
    # document listing the articles that mention it) must be found now.
    if ReferenceIndex.is_indexed(type(instance)):
        ReferenceIndex.create_or_update_for_object(instance)
    purge_page(instance, f"page event {sender._meta.label}")


def on_page_pre_move(sender: type[Model], instance: Model, **kwargs: object) -> None:
    purge_page(instance, f"before moving {sender._meta.label}")


# --- The CDN / nginx in front (wagtail.contrib.frontend_cache) -------------------------------
# Wagtail purges a page's URLs from the frontend cache when it is published or unpublished. These
# add moves and deletions (the old URL), the URLs of every narrow purge (a background task, after
# the commit: frontend.py), and the site's home page for changes to snippets and settings (other
# pages follow within PAGE_CACHE_S_MAXAGE).


def on_page_pre_delete(sender: type[Model], instance: Model, **kwargs: object) -> None:
    from wagtail.models import Page

    if not isinstance(instance, Page) or not instance.live:
        return
    pending = _pending()
    if pending is not None:
        if instance.pk in pending.deleted or instance.path.startswith(tuple(pending.deleted_trees)):
            return  # the same page (its specific row) or below a page deleted with it
        pending.deleted.add(instance.pk)
        if instance.numchild:
            pending.deleted_trees.append(instance.path)
    if instance.numchild:
        purge(f"delete {sender._meta.label} and its children")
    else:
        purge_page(instance, f"delete {sender._meta.label}")
    if frontend_enabled():
        frontend_purge_page(instance)


def on_page_moved(
    sender: type[Model], instance: Any, url_path_before: str | None = None, **kwargs: object
) -> None:
    instance.refresh_from_db()
    purge_page(instance, f"move {sender._meta.label}")
    if frontend_enabled() and instance.live:
        frontend_purge_page(instance)
        if url_path_before:
            old = type(instance).objects.get(pk=instance.pk)
            old.url_path = url_path_before
            frontend_purge_page(old)


def on_non_page_change(
    sender: type[Model],
    instance: Model,
    update_fields: Iterable[str] | None = None,
    raw: bool = False,
    **kwargs: object,
) -> None:
    from wagtail.models import Page, Site

    if not frontend_enabled() or raw or isinstance(instance, Page) or not watched(sender):
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
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        pre_page_move,
        published,
    )

    pre_save.connect(on_page_pre_save, dispatch_uid="pagecache_page_pre_save")
    post_save.connect(on_save, dispatch_uid="pagecache_save")
    post_delete.connect(on_delete, dispatch_uid="pagecache_delete")
    m2m_changed.connect(on_m2m, dispatch_uid="pagecache_m2m")
    page_published.connect(on_page_event, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_page_event, dispatch_uid="pagecache_unpublished")
    pre_page_move.connect(on_page_pre_move, dispatch_uid="pagecache_pre_move")
    post_page_move.connect(on_page_moved, dispatch_uid="pagecache_moved")
    pre_delete.connect(on_page_pre_delete, dispatch_uid="pagecache_frontend_delete")
    post_save.connect(on_non_page_change, dispatch_uid="pagecache_frontend_save")
    published.connect(on_non_page_change, dispatch_uid="pagecache_frontend_published")
