"""What a search hit shows of a page, stored when the page is indexed.

A hit shows a page's title, URL, description (its base row) and a summary text and a date that
each page type reads from its own fields (`search_snippet_text()`, `search_result_date()`, the
date fields: search.hits). Read at search time, that is one query per page type among the hits
shown (8 for `cong doan` on the demo site, ~15% of a cold search). Instead, whenever the
database backends index a page (a publish, a save, the bulk generator, `update_index`), its
summary text and date are written beside it (`HitSummary`), from the same object the index
entry is built from; the hits shown are then read in one query, their base rows with their
summaries. A page indexed before this existed (no summary yet) is read as before, by type.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.utils import timezone
from wagtail.models import Page

from .models import HitSummary


def hit_date(value: Any) -> Any:
    """A hit's date as the page shows it (a datetime: the day in the site's time zone)."""
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def store(model: type[Any], objects: Iterable[Any]) -> None:
    """Write the summaries of indexed pages (one query per batch)."""
    if not issubclass(model, Page):
        return
    from .hits import date_of, snippet_of

    rows = [
        HitSummary(page_id=obj.pk, text=snippet_of(obj), date=hit_date(date_of(obj)))
        for obj in objects
        if obj.pk is not None
    ]
    if rows:
        HitSummary.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["page"], update_fields=["text", "date"]
        )


class SummarisingIndex:
    """Mixed into the database backends' index classes: index, then store the summaries."""

    def add_items(self, model: type[Any], objs: list[Any]) -> None:
        super().add_items(model, objs)  # type: ignore[misc]
        store(model, objs)


def refresh_all(batch_size: int = 500) -> int:
    """Write the summary of every page, by type (pages indexed before summaries were stored:
    `manage.py shell -c "from search.summaries import refresh_all; refresh_all()"`, or
    `update_index`). Returns the number of pages."""
    from django.contrib.contenttypes.models import ContentType

    done = 0
    type_ids = Page.objects.order_by().values_list("content_type_id", flat=True).distinct()
    for content_type_id in type_ids:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not issubclass(model, Page):
            continue
        pks = list(
            model.objects.filter(content_type_id=content_type_id).values_list("pk", flat=True)
        )
        for start in range(0, len(pks), batch_size):
            pages = list(model.objects.filter(pk__in=pks[start : start + batch_size]))
            store(model, pages)
            done += len(pages)
    return done
