"""One official document of any type (resolutions, decisions, guidance, programmes...): its
number, metadata, status, full text in sections and attached files. What a reader sees besides
the fields is in `document_reading`."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from home.page_parts import field_group
from portal.fields import (
    choice,
    long_text,
    optional_date,
    optional_link,
    optional_text,
    stream_body,
)
from resolutions import numbers
from resolutions.blocks import document_body_blocks
from resolutions.pdf import MAX_CHARS, extract_document_text
from search.index import FOLDED_SEARCH_FIELDS, FoldedSearchMixin

from .choices import DOCUMENT_TYPES, DocumentStatus
from .congress import CongressPage
from .document_reading import DocumentReadingMixin
from .issuing_body import IssuingBody

__all__ = ["ResolutionPage"]


class ResolutionPage(DocumentReadingMixin, FoldedSearchMixin, Page):
    """One official document of any type: number, metadata, status, full text in sections,
    attached files (with their text indexed) and the documents and news it is linked with."""

    number = optional_text(
        _("Số, ký hiệu"),
        _("Như in trên văn bản, ví dụ: 02-NQ/TW, 38/HD-TLĐ. Bỏ trống nếu không có số."),
        max_length=100,
    )
    number_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)
    number_lead = models.CharField(max_length=20, blank=True, editable=False, db_index=True)
    doc_type = models.CharField(
        _("Loại văn bản"),
        max_length=30,
        choices=DOCUMENT_TYPES,
        default="nghi-quyet",
        db_index=True,
        help_text=_("Dùng cho bộ lọc “Loại văn bản” của thư viện."),
    )
    issuing_body = optional_link(
        IssuingBody,
        _("Cơ quan ban hành"),
        _("Chọn trong danh sách; thêm cơ quan mới ở mục Cơ quan ban hành."),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    signer = optional_text(
        _("Người ký"), _("Chức vụ và họ tên, ví dụ: T/M Bộ Chính trị, Tổng Bí thư ...")
    )
    date_issued = models.DateField(
        _("Ngày ban hành"), db_index=True, help_text=_("Ngày ký ban hành, ví dụ: 12/06/2021.")
    )
    date_effective = optional_date(
        _("Ngày hiệu lực"),
        _("Bỏ trống nếu văn bản có hiệu lực từ ngày ban hành (ngày ban hành được tự điền)."),
        db_index=True,
    )
    status = choice(
        _("Tình trạng"),
        _("Khi chọn “Bị thay thế”, chọn văn bản thay thế ở ô bên dưới."),
        DocumentStatus,
        default=DocumentStatus.IN_FORCE,
    )
    replaced_by = optional_link(
        "self",
        _("Văn bản thay thế"),
        _("Văn bản mới thay thế văn bản này (bắt buộc khi tình trạng là Bị thay thế)."),
        related_name="replaces_documents",
    )
    collection = optional_link(
        CongressPage,
        _("Bộ sưu tập"),
        _(
            "Ví dụ: Đại hội XIII. Tự điền khi văn bản nằm trong trang bộ sưu tập; chọn khi văn "
            "bản nằm ở thư viện nhưng thuộc bộ sưu tập."
        ),
        related_name="collection_documents",
    )
    summary = long_text(
        _("Trích yếu"),
        _("Một hai câu nói văn bản về việc gì; hiện trong danh sách và kết quả tìm kiếm."),
    )
    body = stream_body(
        document_body_blocks(),
        _("Chia văn bản thành Phần, Chương, Điều; mỗi mục có đường dẫn và mục lục riêng."),
        _("Toàn văn"),
    )
    # Text of the attached PDFs, extracted at each save. Not kept in revisions (serialize=False):
    # it is recomputed from the files whenever the page is saved.
    attachment_text = models.TextField(blank=True, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
                FieldPanel("issuing_body"),
                FieldPanel("signer"),
                FieldRowPanel([FieldPanel("date_issued"), FieldPanel("date_effective")]),
            ],
            heading=_("Thông tin văn bản"),
        ),
        field_group(_("Hiệu lực"), "status", "replaced_by"),
        FieldPanel("collection"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Tải tệp PDF lên (hoặc chọn tệp có sẵn). Khi lưu, chữ trong tệp PDF được "
                        "đưa vào tìm kiếm; tệp ảnh quét hoặc tệp hỏng vẫn được lưu và trang sẽ "
                        "ghi rõ nội dung tệp chưa tìm kiếm được."
                    )
                ),
                InlinePanel("attachments", label=_("Tệp đính kèm")),
            ],
            heading=_("Tệp đính kèm"),
        ),
        InlinePanel("related_links", label=_("Văn bản liên quan"), heading=_("Văn bản liên quan")),
    ]

    folded_title_fields = ("title", "number")
    folded_body_fields = ("summary", "body", "attachment_text", "signer")
    search_fields = (
        Page.search_fields
        + [
            index.SearchField("number", boost=4),
            index.AutocompleteField("number"),
            index.SearchField("summary", boost=2),
            index.SearchField("body"),
            index.SearchField("attachment_text"),
            index.FilterField("doc_type"),
            index.FilterField("status"),
            index.FilterField("issuing_body"),
            index.FilterField("collection"),
            index.FilterField("date_issued"),
            index.FilterField("date_effective"),
        ]
        + FOLDED_SEARCH_FIELDS
    )

    parent_page_types = ["resolutions.DocumentLibraryPage", "resolutions.CongressPage"]
    subpage_types = []
    # Narrow page cache purges (portal/pagecache/dependents.py): a document is shown by its
    # library or collection (ancestors), home, the collection it picks and the documents and
    # articles it relates to or that mention it (the reference index); not by other documents.
    page_cache_precise = True

    class Meta:
        verbose_name = verbose_name_plural = _("Văn bản")

    # --- saving ---------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.status == DocumentStatus.REPLACED and not self.replaced_by_id:
            errors["replaced_by"] = _("Văn bản bị thay thế: hãy chọn văn bản thay thế.")
        if self.replaced_by_id and self.pk and self.replaced_by_id == self.pk:
            errors["replaced_by"] = _("Một văn bản không thể tự thay thế chính nó.")
        if self.replaced_by_id and self.status != DocumentStatus.REPLACED:
            errors["status"] = _("Đã chọn văn bản thay thế: hãy đặt tình trạng là “Bị thay thế”.")
        if self.date_effective and self.date_issued and self.date_effective < self.date_issued:
            errors["date_effective"] = _("Ngày hiệu lực không thể trước ngày ban hành.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        full_save = update_fields is None
        if self.date_effective is None:
            # "Effective from the date issued": stored so sorting by effect needs no NULL rules.
            self.date_effective = self.date_issued
        self.number_key = numbers.number_key(self.number)
        self.number_lead = numbers.number_lead(self.number)
        if full_save and self.collection_id is None and self.depth and self.depth > 1:
            parent = self.get_parent()
            if parent is not None and parent.specific_class is CongressPage:
                self.collection_id = parent.pk
        extracted = self._extract_attachment_text() if full_save else None
        super().save(*args, **kwargs)
        if extracted is not None and not extracted["in_memory"]:
            for attachment in extracted["items"]:
                type(attachment).objects.filter(pk=attachment.pk).update(
                    text_status=attachment.text_status
                )

    def _extract_attachment_text(self):
        in_memory = "attachments" in getattr(self, "_cluster_related_objects", {})
        items = list(self.attachments.all()) if (in_memory or self.pk) else []
        texts = []
        for attachment in items:
            if attachment.document_id is None:
                continue
            if attachment.document.file_size is None:
                attachment.document.get_file_size()  # stores the size shown next to the link
            text, attachment.text_status = extract_document_text(attachment.document)
            if text:
                texts.append(text)
        self.attachment_text = "\n".join(texts)[:MAX_CHARS]
        return {"in_memory": in_memory, "items": items}

    search_snippet_fields = ("summary",)  # what search_snippet_text reads (search.hits)

    def search_snippet_text(self):
        return self.summary

    @property
    def effective_date(self):
        return self.date_effective or self.date_issued

    @property
    def is_replaced(self):
        return self.status == DocumentStatus.REPLACED

    def get_issuing_body_name(self):
        return self.issuing_body.name if self.issuing_body_id else ""

    def structured_data(self, request=None):
        """schema.org Legislation: identifier (the number, or for a document without one such
        as the Congress's, its short title), date, type, issuing body, force and versions."""
        from portal import structured_data as sd

        url = self.get_full_url(request)
        identifier = self.number or self.legislation_identifier()
        passed_by = None
        if self.issuing_body_id:
            passed_by = {"@type": "Organization", "name": self.issuing_body.name}
        superseded_by = None
        if self.is_replaced and self.replaced_by_id and self.replaced_by.live:
            superseded_by = self.replaced_by.get_full_url(request)
        return sd.node(
            "Legislation",
            name=self.title,
            url=url,
            abstract=self.summary,
            inLanguage="vi",
            legislationIdentifier=identifier,
            legislationDate=sd.iso(self.date_issued),
            datePublished=sd.iso(self.date_issued),
            legislationDateVersion=sd.iso(self.date_effective),
            legislationType=self.doc_type_label,
            legislationPassedBy=passed_by,
            legislationJurisdiction={"@type": "Country", "name": "Việt Nam"},
            legislationLegalForce={
                DocumentStatus.IN_FORCE: "https://schema.org/InForce",
                DocumentStatus.EXPIRED: "https://schema.org/NotInForce",
                DocumentStatus.REPLACED: "https://schema.org/NotInForce",
            }.get(self.status),
            supersededBy=superseded_by,
        )

    def legislation_identifier(self):
        """How a document without a number is cited: its type, the collection it belongs to
        (e.g. "Đại hội XIII Công đoàn Việt Nam") and its year of issue."""
        parent = self.get_parent()
        parts = [self.doc_type_label]
        collection = getattr(parent.specific, "short_name", "") or (
            parent.title if parent.specific_class.__name__ == "CongressPage" else ""
        )
        if collection:
            parts.append(collection)
        if self.date_issued:
            parts.append(str(self.date_issued.year))
        return " ".join(parts)

    def get_meta_description(self):
        return self.search_description or Truncator(strip_tags(self.summary)).chars(200)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        outline = self.outline()
        attachments = self.attachment_list
        context.update(
            {
                "outline": outline,
                "toc": [e for e in outline if e["anchor"]],
                "attachments": attachments,
                "has_unsearchable_attachment": any(a.is_unsearchable_pdf for a in attachments),
                "related_documents": self.related_document_list,
                "mentions": self.mention_list,
                "structured_data": [self.structured_data(request)],
            }
        )
        return context

    # Read once per request, and once per generation when the page is remembered for routing
    # (portal/pagecache/routes.py): other documents' and articles' changes purge.


ResolutionPage._meta.get_field("attachment_text").serialize = False
