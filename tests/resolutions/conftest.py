"""Helpers for the document library's tests: a library page and documents built like an editor
would (saved with full validation, published)."""

import itertools
from datetime import date

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from resolutions.demo import minimal_pdf
from resolutions.models import (
    DocumentLibraryPage,
    IssuingBody,
    ResolutionAttachment,
    ResolutionPage,
)

_counter = itertools.count(1)


@pytest.fixture
def library(home_page):
    page = DocumentLibraryPage(title="Văn bản", slug="van-ban", show_in_menus=True)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def politburo(db):
    return IssuingBody.objects.create(name="Bộ Chính trị", short_name="BCT")


@pytest.fixture
def confederation(db):
    # Created by the migration resolutions/0004 (the union among the issuing bodies).
    return IssuingBody.objects.get(name="Tổng Liên đoàn Lao động Việt Nam", short_name="TLĐ")


def make_pdf(title, lines, filename="van-ban.pdf"):
    Document = get_document_model()
    document = Document(title=title, file=ContentFile(minimal_pdf(lines), name=filename))
    document.save()
    return document


def make_file(title, data, filename):
    Document = get_document_model()
    document = Document(title=title, file=ContentFile(data, name=filename))
    document.save()
    return document


def make_document(parent, *, attachments=(), related=(), publish=True, **fields):
    n = next(_counter)
    defaults = {
        "title": f"Văn bản thử {n}",
        "slug": f"van-ban-thu-{n}",
        "number": f"{n + 500}/KH-TLĐ",
        "doc_type": "ke-hoach",
        "date_issued": date(2022, 1, 1),
        "summary": f"Trích yếu văn bản thử {n}.",
    }
    defaults.update(fields)
    page = ResolutionPage(live=False, **defaults)
    page.attachments = [ResolutionAttachment(document=d, label=d.title) for d in attachments]
    page.related_links = list(related)
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    page.refresh_from_db()
    return page
