"""Helpers for the document library's tests: documents built like an editor would (saved with
full validation, published). The library page and issuing bodies are shared fixtures
(tests/conftest.py)."""

from resolutions.factories import (
    DocumentFactory,
    PdfDocumentFactory,
    ResolutionPageFactory,
)
from resolutions.models import ResolutionAttachment, ResolutionRelation
from tests.public_pages import card_titles


def make_pdf(title, lines, filename="van-ban.pdf"):
    return PdfDocumentFactory(title=title, lines=lines, filename=filename)


def make_file(title, data, filename):
    return DocumentFactory(title=title, data=data, filename=filename)


def make_document(parent, *, attachments=(), related=(), publish=True, **fields):
    """A document saved with full validation and published, as an editor does; `attachments` are
    Wagtail documents, `related` are (RelationType, target document) pairs."""
    return ResolutionPageFactory(
        parent=parent,
        attachments=[ResolutionAttachment(document=d, label=d.title) for d in attachments],
        related_links=[
            ResolutionRelation(relation_type=kind, target=target) for kind, target in related
        ],
        publish=publish,
        **fields,
    )


def titles(response):
    """The titles of the documents a library page lists, in order (the page answered 200)."""
    assert response.status_code == 200
    return card_titles(response.content.decode())
