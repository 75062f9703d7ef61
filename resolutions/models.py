"""The document library: every official text (resolutions, decisions, guidance, programmes...),
the collections they belong to (Congress XIII), and the library page that lists and filters them."""

import json

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BigIntegerField
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from search.index import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from search.text import fold

from . import numbers
from .blocks import SECTION_KIND_LABELS, document_body_blocks
from .pdf import MAX_CHARS, STATUS_NO_TEXT, STATUS_NOT_PDF, STATUS_OK, STATUS_UNREADABLE

DOCUMENT_TYPES = [
    ("nghi-quyet", _("Nghị quyết")),
    ("quyet-dinh", _("Quyết định")),
    ("chi-thi", _("Chỉ thị")),
    ("ket-luan", _("Kết luận")),
    ("huong-dan", _("Hướng dẫn")),
    ("chuong-trinh", _("Chương trình")),
    ("ke-hoach", _("Kế hoạch")),
    ("quy-dinh", _("Quy định")),
    ("thong-bao", _("Thông báo")),
    ("cong-van", _("Công văn")),
    ("bao-cao", _("Báo cáo")),
    ("van-kien-dai-hoi", _("Văn kiện Đại hội")),
    ("khac", _("Văn bản khác")),
]
DOCUMENT_TYPE_ORDER = {code: i for i, (code, _label) in enumerate(DOCUMENT_TYPES)}


class DocumentStatus(models.TextChoices):
    IN_FORCE = "con-hieu-luc", _("Còn hiệu lực")
    EXPIRED = "het-hieu-luc", _("Hết hiệu lực")
    REPLACED = "bi-thay-the", _("Bị thay thế")


class RelationType(models.TextChoices):
    AMENDS = "sua-doi", _("Sửa đổi, bổ sung")
    REPLACES = "thay-the", _("Thay thế")
    IMPLEMENTS = "thuc-hien", _("Hướng dẫn, triển khai thực hiện")
    RELATED = "lien-quan", _("Liên quan")


# How a relation reads from the other side ("A amends B" shows on B as "amended by A").
INCOMING_RELATION_LABELS = {
    RelationType.AMENDS: _("Được sửa đổi, bổ sung bởi"),
    RelationType.REPLACES: _("Bị thay thế bởi"),
    RelationType.IMPLEMENTS: _("Được hướng dẫn, triển khai bởi"),
    RelationType.RELATED: _("Liên quan"),
}


class IssuingBody(models.Model):
    """An organ that issues documents (Bộ Chính trị, Tổng Liên đoàn...): a filter facet."""

    name = models.CharField(
        _("Tên cơ quan"),
        max_length=200,
        unique=True,
        help_text=_("Tên đầy đủ, ví dụ: Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam."),
    )
    short_name = models.CharField(
        _("Tên viết tắt"),
        max_length=50,
        blank=True,
        help_text=_("Tùy chọn, ví dụ: TLĐ. Hiện trong bộ lọc khi tên đầy đủ quá dài."),
    )
    slug = models.SlugField(
        _("Đường dẫn"),
        max_length=100,
        unique=True,
        allow_unicode=False,
        help_text=_("Dùng trong địa chỉ bộ lọc, ví dụ: bo-chinh-tri. Bỏ trống để tạo từ tên."),
        blank=True,
    )

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Cơ quan ban hành")
        verbose_name_plural = _("Cơ quan ban hành")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(fold(self.name))[:100]
        super().save(*args, **kwargs)


class DocumentLibraryPage(Page):
    """`/van-ban/`: every official document, newest first, with filters and an exact-number
    search. The listing itself lives in resolutions.library."""

    intro = RichTextField(
        _("Giới thiệu"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Một đoạn ngắn phía trên bộ lọc: thư viện gồm những văn bản nào."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        HelpPanel(
            content=_(
                "Danh sách văn bản, bộ lọc và ô tìm kiếm được tạo tự động từ các trang văn bản "
                "của trang web. Thêm văn bản mới bằng cách tạo trang con “Văn bản”."
            )
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resolutions.ResolutionPage", "resolutions.CongressPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Thư viện văn bản")
        verbose_name_plural = _("Thư viện văn bản")

    def get_context(self, request, *args, **kwargs):
        from .library import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(self, request))
        return context


class CongressPage(Page):
    """A collection landing page, e.g. Đại hội XIII Công đoàn Việt Nam: its dates, place, an
    introduction and its documents grouped by type."""

    short_name = models.CharField(
        _("Tên ngắn"),
        max_length=80,
        help_text=_("Tên trong bộ lọc của thư viện, ví dụ: Đại hội XIII."),
    )
    date_start = models.DateField(
        _("Ngày khai mạc"), null=True, blank=True, help_text=_("Ví dụ: 01/12/2023.")
    )
    date_end = models.DateField(
        _("Ngày bế mạc"), null=True, blank=True, help_text=_("Ví dụ: 03/12/2023.")
    )
    location = models.CharField(
        _("Địa điểm"), max_length=200, blank=True, help_text=_("Ví dụ: Hà Nội.")
    )
    term = models.CharField(
        _("Nhiệm kỳ"), max_length=40, blank=True, help_text=_("Ví dụ: 2023–2028.")
    )
    intro = RichTextField(
        _("Giới thiệu"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Vài đoạn giới thiệu Đại hội: chủ đề, số đại biểu, kết quả chính."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("short_name"),
        FieldRowPanel([FieldPanel("date_start"), FieldPanel("date_end")]),
        FieldRowPanel([FieldPanel("location"), FieldPanel("term")]),
        FieldPanel("intro"),
        HelpPanel(
            content=_(
                "Văn bản của bộ sưu tập là các trang văn bản con của trang này và các văn bản ở "
                "thư viện có chọn bộ sưu tập này; chúng tự hiện, nhóm theo loại văn bản."
            )
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["resolutions.DocumentLibraryPage", "home.HomePage"]
    subpage_types = ["resolutions.ResolutionPage"]

    class Meta:
        verbose_name = _("Bộ sưu tập văn bản (Đại hội)")
        verbose_name_plural = _("Bộ sưu tập văn bản (Đại hội)")

    def __str__(self):
        return self.short_name or self.title

    def documents(self):
        return (
            ResolutionPage.objects.live()
            .public()
            .filter(collection=self)
            .select_related("issuing_body")
            .order_by("-date_issued", "-pk")
        )

    def documents_by_type(self):
        labels = dict(DOCUMENT_TYPES)
        groups = {}
        for document in self.documents():
            groups.setdefault(document.doc_type, []).append(document)
        return [
            {"code": code, "label": labels.get(code, code), "documents": groups[code]}
            for code in sorted(groups, key=lambda c: DOCUMENT_TYPE_ORDER.get(c, 99))
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["document_groups"] = self.documents_by_type()
        return context


class ResolutionPage(FoldedSearchMixin, Page):
    """One official document of any type: number, metadata, status, full text in sections,
    attached files (with their text indexed) and the documents and news it is linked with."""

    number = models.CharField(
        _("Số, ký hiệu"),
        max_length=100,
        blank=True,
        help_text=_("Như in trên văn bản, ví dụ: 02-NQ/TW, 38/HD-TLĐ. Bỏ trống nếu không có số."),
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
    issuing_body = models.ForeignKey(
        IssuingBody,
        verbose_name=_("Cơ quan ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        help_text=_("Chọn trong danh sách; thêm cơ quan mới ở mục Cơ quan ban hành."),
    )
    signer = models.CharField(
        _("Người ký"),
        max_length=200,
        blank=True,
        help_text=_("Chức vụ và họ tên, ví dụ: T/M Bộ Chính trị, Tổng Bí thư ..."),
    )
    date_issued = models.DateField(
        _("Ngày ban hành"), db_index=True, help_text=_("Ngày ký ban hành, ví dụ: 12/06/2021.")
    )
    date_effective = models.DateField(
        _("Ngày hiệu lực"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Bỏ trống nếu văn bản có hiệu lực từ ngày ban hành (ngày ban hành được tự điền)."
        ),
    )
    status = models.CharField(
        _("Tình trạng"),
        max_length=20,
        choices=DocumentStatus.choices,
        default=DocumentStatus.IN_FORCE,
        db_index=True,
        help_text=_("Khi chọn “Bị thay thế”, chọn văn bản thay thế ở ô bên dưới."),
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("Văn bản thay thế"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces_documents",
        help_text=_("Văn bản mới thay thế văn bản này (bắt buộc khi tình trạng là Bị thay thế)."),
    )
    collection = models.ForeignKey(
        CongressPage,
        verbose_name=_("Bộ sưu tập"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="collection_documents",
        help_text=_(
            "Ví dụ: Đại hội XIII. Tự điền khi văn bản nằm trong trang bộ sưu tập; chọn khi văn "
            "bản nằm ở thư viện nhưng thuộc bộ sưu tập."
        ),
    )
    summary = models.TextField(
        _("Trích yếu"),
        help_text=_(
            "Một hai câu nói văn bản về việc gì; hiện trong danh sách và kết quả tìm kiếm."
        ),
    )
    body = StreamField(
        document_body_blocks(),
        verbose_name=_("Toàn văn"),
        blank=True,
        help_text=_(
            "Chia văn bản thành Phần, Chương, Điều; mỗi mục có đường dẫn và mục lục riêng."
        ),
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
        MultiFieldPanel([FieldPanel("status"), FieldPanel("replaced_by")], heading=_("Hiệu lực")),
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

    class Meta:
        verbose_name = _("Văn bản")
        verbose_name_plural = _("Văn bản")

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
                ResolutionAttachment.objects.filter(pk=attachment.pk).update(
                    text_status=attachment.text_status
                )

    def _extract_attachment_text(self):
        from .pdf import extract_document_text

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

    # --- reading --------------------------------------------------------------------------

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

    def outline(self):
        """The body as a list of entries; sections carry a unique anchor used by both the table
        of contents and the `id` of the section, so the two always match."""
        used = set()

        def anchor_for(value, fallback):
            kind = SECTION_KIND_LABELS.get(value.get("kind"), "")
            number = (value.get("number") or "").strip()
            base = slugify(fold(f"{kind} {number}")) if number else ""
            if not base:
                base = slugify(fold(value.get("heading") or ""))[:60] or fallback
            anchor, n = base, 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            used.add(anchor)
            return anchor

        def entry(value, fallback):
            kind = SECTION_KIND_LABELS.get(value.get("kind"), "")
            number = (value.get("number") or "").strip()
            return {
                "anchor": anchor_for(value, fallback),
                "label": f"{kind} {number}".strip() if number else kind,
                "heading": value.get("heading") or "",
                "body": value.get("body"),
            }

        entries = []
        for i, block in enumerate(self.body, start=1):
            if block.block_type != "section":
                entries.append({"anchor": None, "block": block})
                continue
            item = entry(block.value, f"muc-{i}")
            item["children"] = [
                entry(article, f"muc-{i}-{j}")
                for j, article in enumerate(block.value.get("articles") or [], start=1)
            ]
            entries.append(item)
        return entries

    def related_documents(self):
        """Outgoing relations (this amends / replaces / implements X), then incoming ones."""
        outgoing = [
            {"label": link.get_relation_type_display(), "document": link.target}
            for link in self.related_links.filter(target__live=True).select_related(
                "target", "target__issuing_body"
            )
        ]
        incoming = [
            {"label": INCOMING_RELATION_LABELS.get(link.relation_type), "document": link.page}
            for link in ResolutionRelation.objects.filter(target=self, page__live=True)
            .exclude(page=self)
            .select_related("page", "page__issuing_body")
        ]
        return outgoing + incoming

    def mentioned_in(self, limit=10):
        """Live, public pages (news articles) that link to this document, found through Wagtail's
        reference index: one query, whatever links there are."""
        from django.contrib.contenttypes.models import ContentType
        from wagtail.models import ReferenceIndex

        page_type = ContentType.objects.get_for_model(Page)
        own_types = ContentType.objects.get_for_models(
            ResolutionPage, CongressPage, DocumentLibraryPage
        ).values()
        referencing_ids = (
            ReferenceIndex.objects.filter(
                to_content_type=page_type, to_object_id=str(self.pk), base_content_type=page_type
            )
            .annotate(page_id=Cast("object_id", BigIntegerField()))
            .values("page_id")
        )
        return list(
            Page.objects.live()
            .public()
            .filter(id__in=referencing_ids)
            .exclude(content_type__in=list(own_types))
            .order_by("-first_published_at", "-pk")[:limit]
        )

    def attachments_for_display(self):
        return list(self.attachments.select_related("document"))

    def json_ld(self, request=None):
        """schema.org Legislation, escaped for a <script> element."""
        url = self.get_full_url(request)
        data = {
            "@context": "https://schema.org",
            "@type": "Legislation",
            "name": self.title,
            "abstract": self.summary,
            "inLanguage": "vi",
            "legislationDate": self.date_issued.isoformat() if self.date_issued else None,
            "datePublished": self.date_issued.isoformat() if self.date_issued else None,
            "legislationType": self.get_doc_type_display(),
            "legislationLegalForce": {
                DocumentStatus.IN_FORCE: "https://schema.org/InForce",
                DocumentStatus.EXPIRED: "https://schema.org/NotInForce",
                DocumentStatus.REPLACED: "https://schema.org/NotInForce",
            }.get(self.status),
            "url": url,
        }
        if self.number:
            data["legislationIdentifier"] = self.number
        if self.date_effective:
            data["legislationDateVersion"] = self.date_effective.isoformat()
        if self.issuing_body_id:
            data["legislationPassedBy"] = {"@type": "Organization", "name": self.issuing_body.name}
        if self.is_replaced and self.replaced_by_id and self.replaced_by.live:
            data["supersededBy"] = self.replaced_by.get_full_url(request)
        data = {k: v for k, v in data.items() if v not in (None, "")}
        text = json.dumps(data, ensure_ascii=False)
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return mark_safe(text)  # noqa: S308 - JSON with <, > and & escaped

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
                "json_ld": self.json_ld(request),
            }
        )
        return context

    # Read once per request, and once per generation when the page is remembered for routing
    # (portal/pagecache/routes.py): other documents' and articles' changes purge.
    @cached_property
    def attachment_list(self):
        return self.attachments_for_display()

    @cached_property
    def related_document_list(self):
        return self.related_documents()

    @cached_property
    def mention_list(self):
        return self.mentioned_in()

    remembered_with_route = (
        "issuing_body",
        "attachment_list",
        "related_document_list",
        "mention_list",
    )

    @cached_property
    def status_badge_class(self):
        return "badge--ok" if self.status == DocumentStatus.IN_FORCE else "badge--warn"


ResolutionPage._meta.get_field("attachment_text").serialize = False


class ResolutionAttachment(Orderable):
    """A file attached to a document (the signed PDF, an annex...)."""

    page = ParentalKey(ResolutionPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Tệp"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Tệp PDF của văn bản (nên dùng PDF có chữ, không phải ảnh quét)."),
    )
    label = models.CharField(
        _("Nhãn"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Toàn văn Nghị quyết, Phụ lục. Bỏ trống để dùng tên tệp."),
    )
    text_status = models.CharField(
        max_length=20,
        blank=True,
        editable=False,
        choices=[
            (STATUS_OK, _("Đã đọc được chữ")),
            (STATUS_NO_TEXT, _("Không có lớp chữ (ảnh quét)")),
            (STATUS_UNREADABLE, _("Không đọc được tệp")),
            (STATUS_NOT_PDF, _("Không phải PDF")),
        ],
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("Tệp đính kèm")
        verbose_name_plural = _("Tệp đính kèm")

    @property
    def display_label(self):
        return self.label or self.document.title

    @property
    def is_searchable(self):
        return self.text_status == STATUS_OK

    @property
    def is_unsearchable_pdf(self):
        return self.text_status in (STATUS_UNREADABLE, STATUS_NO_TEXT)


class ResolutionRelation(Orderable):
    """This document amends / replaces / implements another one."""

    page = ParentalKey(ResolutionPage, on_delete=models.CASCADE, related_name="related_links")
    relation_type = models.CharField(
        _("Quan hệ"),
        max_length=20,
        choices=RelationType.choices,
        default=RelationType.IMPLEMENTS,
        help_text=_("Văn bản này … văn bản được chọn (ví dụ: hướng dẫn thực hiện)."),
    )
    target = models.ForeignKey(
        ResolutionPage,
        verbose_name=_("Văn bản"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
        help_text=_("Văn bản liên quan trong thư viện."),
    )

    panels = [FieldPanel("relation_type"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("Văn bản liên quan")
        verbose_name_plural = _("Văn bản liên quan")
