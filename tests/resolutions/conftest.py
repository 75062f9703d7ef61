"""Helpers for the document library's tests: a library page and documents built like an editor
would (saved with full validation, published)."""

import pytest

from resolutions.factories import (
    DocumentFactory,
    DocumentLibraryPageFactory,
    IssuingBodyFactory,
    PdfDocumentFactory,
    ResolutionPageFactory,
)
from resolutions.models import ResolutionAttachment


@pytest.fixture
def library(home_page):
    return DocumentLibraryPageFactory(parent=home_page)


@pytest.fixture
def politburo(db):
    return IssuingBodyFactory(name="Bộ Chính trị", short_name="BCT")


@pytest.fixture
def confederation(db):
    # Made by the migration resolutions/0004 (the union among the issuing bodies): found, not
    # created (the factory gets or creates by name).
    return IssuingBodyFactory(name="Tổng Liên đoàn Lao động Việt Nam", short_name="TLĐ")


def make_pdf(title, lines, filename="van-ban.pdf"):
    return PdfDocumentFactory(title=title, lines=lines, filename=filename)


def make_file(title, data, filename):
    return DocumentFactory(title=title, data=data, filename=filename)


def make_document(parent, *, attachments=(), related=(), publish=True, **fields):
    """A document saved with full validation and published, as an editor does."""
    return ResolutionPageFactory(
        parent=parent,
        attachments=[ResolutionAttachment(document=d, label=d.title) for d in attachments],
        related_links=list(related),
        publish=publish,
        **fields,
    )
