"""The years the library's "Năm ban hành" filter offers, stored when documents change.

Reading them from the documents is a DISTINCT over every document's date (on SQLite a Python
function per row: ~5 ms at 1,000 documents, on every render of the library). They are kept here
instead, one row per site and year, and written again (`refresh_document_years`) whenever what
they are made of can change: a document saved (published, unpublished, edited, scheduled) or
deleted, a page moved, a view restriction added, changed or removed (`resolutions.signals`), and
after the bulk generator. A list read from this table is exactly the live, public documents'
years of the site (tests/resolutions/test_document_years.py)."""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

__all__ = ["DocumentYear", "refresh_document_years", "site_root_path"]


def site_root_path(page):
    """The path of the site root a page belongs to (every site root is at depth 2)."""
    return page.path[: Page.steplen * 2]


class DocumentYear(models.Model):
    """A year in which a live, public document of the site under `root_path` was issued."""

    root_path = models.CharField(max_length=255, editable=False)
    year = models.PositiveSmallIntegerField(editable=False)

    class Meta:
        verbose_name = verbose_name_plural = _("Năm ban hành văn bản")
        constraints = [
            models.UniqueConstraint(fields=["root_path", "year"], name="document_year_unique")
        ]

    def __str__(self):
        return str(self.year)


def _live_public_years(root_path):
    from .document import ResolutionPage

    documents = ResolutionPage.objects.live().public().filter(path__startswith=root_path)
    return {d.year for d in documents.order_by().dates("date_issued", "year")}


def refresh_document_years():
    """Write again the years of every site (a handful of rows; one DISTINCT per site)."""
    roots = {root_path for root_path in Site.objects.values_list("root_page__path", flat=True)}
    with transaction.atomic():
        kept = set(DocumentYear.objects.values_list("root_path", "year"))
        wanted = {(root, year) for root in roots for year in _live_public_years(root)}
        stale = kept - wanted
        for root, year in stale:
            DocumentYear.objects.filter(root_path=root, year=year).delete()
        DocumentYear.objects.bulk_create(
            [DocumentYear(root_path=root, year=year) for root, year in wanted - kept]
        )
