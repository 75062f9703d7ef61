"""Which pages are private, remembered until the next purge."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from .memo import remember


def restricted_sections() -> list[tuple[str, int]]:
    """(path, depth) of every page with a view restriction: the restrictions' few page ids
    first, then those pages by primary key. Wagtail's `private_q()` joins the restrictions to
    the pages, which SQLite runs as a scan of every page (it grows with the archive: ~8 ms at
    10,000 articles, on every `.public()`)."""
    restricted = PageViewRestriction.objects.values("page_id")
    return list(Page.objects.filter(pk__in=restricted).values_list("path", "depth"))


def private_q() -> Q:
    """Wagtail's `PageQuerySet.private_q()` (pages in a section with a view restriction), built
    from the restricted sections remembered until the next purge (every privacy change and page
    move purges): the same filter, without a query on every list or search. Lists use
    `.exclude(private_q())` instead of Wagtail's `.public()` (see restricted_sections)."""
    sections = remember("private-sections", compute=restricted_sections)
    q = Q()
    for path, depth in sections:
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])
