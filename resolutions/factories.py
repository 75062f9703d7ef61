"""Factories for the document library's page types and snippets (see `home.factories` for how a
page is created and published), and a PDF document with a text layer."""

from datetime import date

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory
from wagtail.documents import get_document_model

from home.factories import EditorPageFactory, page_factory

from .models import CongressPage, DocumentLibraryPage, IssuingBody, ResolutionPage
from .pdf_sample import minimal_pdf

__all__ = [
    "CongressPageFactory",
    "DocumentFactory",
    "DocumentLibraryPageFactory",
    "IssuingBodyFactory",
    "PdfDocumentFactory",
    "ResolutionPageFactory",
]


class IssuingBodyFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Cơ quan ban hành {n}")

    class Meta:
        model = IssuingBody
        django_get_or_create = ("name",)


DocumentLibraryPageFactory = page_factory(
    DocumentLibraryPage, "Văn bản", "van-ban", show_in_menus=True
)
CongressPageFactory = page_factory(
    CongressPage, "Đại hội thử {n}", "dai-hoi-thu-{n}", short_name="Đại hội {n}"
)


class ResolutionPageFactory(EditorPageFactory):
    """A document; `attachments` takes `ResolutionAttachment` rows, `related_links`
    `ResolutionRelation` rows."""

    title = factory.Sequence(lambda n: f"Văn bản thử {n}")
    slug = factory.Sequence(lambda n: f"van-ban-thu-{n}")
    number = factory.Sequence(lambda n: f"{n + 500}/KH-TLĐ")
    doc_type = "ke-hoach"
    date_issued = date(2022, 1, 1)
    summary = factory.Sequence(lambda n: f"Trích yếu văn bản thử {n}.")

    class Meta:
        model = ResolutionPage


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A Wagtail document from `data` (bytes) saved as `filename`."""

    title = factory.Sequence(lambda n: f"Tệp thử {n}")
    collection = factory.LazyFunction(lambda: _root_collection())
    file = factory.LazyAttribute(lambda obj: ContentFile(obj.data, name=obj.filename))

    class Params:
        data = b"%PDF-1.4\n"
        filename = "van-ban.pdf"

    class Meta:
        model = get_document_model()


class PdfDocumentFactory(DocumentFactory):
    """A PDF whose text layer holds `lines`."""

    class Params:
        lines = ("Văn bản mẫu",)
        data = factory.LazyAttribute(lambda obj: minimal_pdf(obj.lines))


def _root_collection():
    from wagtail.models import Collection

    return Collection.get_first_root_node()
