"""Which pages are private, remembered until the next purge."""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from .memo import remember


def private_q() -> Q:
    """Wagtail's `PageQuerySet.private_q()` (pages in a section with a view restriction), built
    from the restricted sections remembered until the next purge (every privacy change and page
    move purges): the same filter, without a query on every list or search."""
    sections = remember(
        "private-sections",
        compute=lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth")),
    )
    q = Q()
    for path, depth in sections:
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])
