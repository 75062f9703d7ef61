"""Bulk insertion of many pages for benchmarks (`generate_content`): the pages are built by
their factories (`Factory.build(...)`, unsaved), then inserted here as live children of one
parent in a few statements, with the tree paths computed here (no `add_child`, no revision per
page), and indexed for search in batches. Bulk inserts send no signals: the caller purges."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

__all__ = ["bulk_add_live_children", "index_for_search"]


def bulk_add_live_children(parent, pages, batch_size=1000):
    """Insert unsaved `pages` (all of one specific page type) as live, published children of
    `parent` after its last child. Sets their primary keys; returns them."""
    if not pages:
        return pages
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
        step = Page._str2int(last[-Page.steplen :]) if last else 0
        for page in pages:
            step += 1
            page.content_type = content_type
            page.path = Page._get_path(parent.path, parent.depth + 1, step)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale_id = parent.locale_id
            page.draft_title = page.title
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.first_published_at or now
            page.last_published_at = page.last_published_at or page.first_published_at
            page.latest_revision_created_at = page.last_published_at
        for start in range(0, len(pages), batch_size):
            _insert(model, pages[start : start + batch_size])
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def _insert(model, pages):
    """The `wagtailcore_page` rows in bulk, then the page type's own rows pointing at them
    (Django's bulk_create refuses multi-table models, so the child table goes through the insert
    query `save_base(raw=True)` uses, one statement per batch)."""
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    base_rows = [
        Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in pages
    ]
    Page.objects.bulk_create(base_rows)
    for page, row in zip(pages, base_rows, strict=True):
        page.pk = page.page_ptr_id = page.id = row.pk
    own_fields = model._meta.local_concrete_fields
    batch = max(1, connection.ops.bulk_batch_size(own_fields, pages))
    for start in range(0, len(pages), batch):
        model._base_manager._insert(pages[start : start + batch], fields=own_fields, raw=True)


def index_for_search(model, pks, prepare=lambda queryset: queryset, batch_size=500):
    """Add the pages `pks` of `model` to every search backend, in batches."""
    pks = list(pks)
    for start in range(0, len(pks), batch_size):
        objects = list(prepare(model.objects.filter(pk__in=pks[start : start + batch_size])))
        for obj in objects:
            obj._folded_cache = {}
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)
