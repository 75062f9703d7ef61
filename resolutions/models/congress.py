"""A collection of documents with its own landing page, e.g. Đại hội XIII Công đoàn Việt Nam."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail.models import Page
from wagtail.search import index

from home.page_parts import rich_intro
from portal.fields import optional_date, optional_text, text
from portal.pagecache.privacy import private_q

from .choices import DOCUMENT_TYPE_ORDER, DOCUMENT_TYPES

__all__ = ["CongressPage"]


class CongressPage(Page):
    """A collection landing page, e.g. Đại hội XIII Công đoàn Việt Nam: its dates, place, an
    introduction and its documents grouped by type."""

    short_name = text(
        _("Tên ngắn"), _("Tên trong bộ lọc của thư viện, ví dụ: Đại hội XIII."), max_length=80
    )
    date_start = optional_date(_("Ngày khai mạc"), _("Ví dụ: 01/12/2023."))
    date_end = optional_date(_("Ngày bế mạc"), _("Ví dụ: 03/12/2023."))
    location = optional_text(_("Địa điểm"), _("Ví dụ: Hà Nội."))
    term = optional_text(_("Nhiệm kỳ"), _("Ví dụ: 2023–2028."), max_length=40)
    intro = rich_intro(
        _("Vài đoạn giới thiệu Đại hội: chủ đề, số đại biểu, kết quả chính."), lists=True
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
        verbose_name = verbose_name_plural = _("Bộ sưu tập văn bản (Đại hội)")

    def __str__(self):
        return self.short_name or self.title

    def documents(self):
        return (
            self.collection_documents.live()
            .exclude(private_q())
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
