"""What hangs off a document page: its attached files (their text is indexed) and its relations
to other documents (amends, replaces, implements)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from portal.fields import choice, link, optional_text
from resolutions.pdf import STATUS_NO_TEXT, STATUS_NOT_PDF, STATUS_OK, STATUS_UNREADABLE

from .choices import RelationType

__all__ = ["ResolutionAttachment", "ResolutionRelation"]


class ResolutionAttachment(Orderable):
    """A file attached to a document (the signed PDF, an annex...)."""

    page = ParentalKey(
        "resolutions.ResolutionPage", on_delete=models.CASCADE, related_name="attachments"
    )
    document = link(
        "wagtaildocs.Document",
        _("Tệp"),
        _("Tệp PDF của văn bản (nên dùng PDF có chữ, không phải ảnh quét)."),
    )
    label = optional_text(
        _("Nhãn"), _("Ví dụ: Toàn văn Nghị quyết, Phụ lục. Bỏ trống để dùng tên tệp.")
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
        verbose_name = verbose_name_plural = _("Tệp đính kèm")

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

    page = ParentalKey(
        "resolutions.ResolutionPage", on_delete=models.CASCADE, related_name="related_links"
    )
    relation_type = choice(
        _("Quan hệ"),
        _("Văn bản này … văn bản được chọn (ví dụ: hướng dẫn thực hiện)."),
        RelationType,
        default=RelationType.IMPLEMENTS,
        db_index=False,
    )
    target = link(
        "resolutions.ResolutionPage",
        _("Văn bản"),
        _("Văn bản liên quan trong thư viện."),
        related_name="incoming_relations",
    )

    panels = [FieldPanel("relation_type"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = verbose_name_plural = _("Văn bản liên quan")
