"""The years the library's "Năm ban hành" filter offers, with how many documents each holds,
stored when documents change.

Reading them from the documents is a DISTINCT over every document's date (on SQLite a Python
function per row: ~5 ms at 1,000 documents, on every render of the library), and the library's
count was a COUNT(*) that PostgreSQL answered by reading every page of the site (a join to
`wagtailcore_page` for `live` and the path: 4.6 ms at 10,000 articles and 1,000 documents, 0.1 ms
at 100 and 100). They are kept here instead, one row per site and year with its number of
documents, and written again (`refresh_document_years`) whenever what they are made of can
change: a document saved (published, unpublished, edited, scheduled) or deleted, a page moved, a
view restriction added, changed or removed (`resolutions.signals`), and after the bulk generator.
The rows read from this table are exactly the live, public documents' years and counts of the
site (tests/resolutions/test_document_years.py); the library counts its unfiltered list (or one
year's) from them (`resolutions.library`)."""

from django.db import models, transaction
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

__all__ = ["DocumentYear", "refresh_document_years", "site_root_path"]


def site_root_path(page):
    """The path of the site root a page belongs to (every site root is at depth 2)."""
    return page.path[: Page.steplen * 2]


class DocumentYear(models.Model):
    """A year in which `documents` live, public documents of the site under `root_path` were
    issued."""

    root_path = models.CharField(max_length=255, editable=False)
    year = models.PositiveSmallIntegerField(editable=False)
    documents = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = verbose_name_plural = _("Năm ban hành văn bản")
        constraints = [
            models.UniqueConstraint(fields=["root_path", "year"], name="document_year_unique")
        ]

    def __str__(self):
        return str(self.year)


def _live_public_years(root_path):
    """{year: number of documents} of the site's live, public documents."""
    from .document import ResolutionPage

    documents = ResolutionPage.objects.live().public().filter(path__startswith=root_path)
    by_year = (
        documents.order_by()
        .annotate(issued=ExtractYear("date_issued"))
        .values_list("issued")
        .annotate(n=Count("pk"))
    )
    return dict(by_year)


def refresh_document_years():
    """Write again the years of every site (a handful of rows; one GROUP BY per site)."""
    roots = {root_path for root_path in Site.objects.values_list("root_page__path", flat=True)}
    with transaction.atomic():
        kept = {
            (root, year): n
            for root, year, n in DocumentYear.objects.values_list("root_path", "year", "documents")
        }
        wanted = {(root, year): n for root in roots for year, n in _live_public_years(root).items()}
        for root, year in kept.keys() - wanted.keys():
            DocumentYear.objects.filter(root_path=root, year=year).delete()
        for (root, year), n in wanted.items():
            if (root, year) in kept and kept[root, year] != n:
                DocumentYear.objects.filter(root_path=root, year=year).update(documents=n)
        DocumentYear.objects.bulk_create(
            [
                DocumentYear(root_path=root, year=year, documents=n)
                for (root, year), n in wanted.items()
                if (root, year) not in kept
            ]
        )
