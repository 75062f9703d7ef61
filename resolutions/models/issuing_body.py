"""The organs that issue documents (a snippet, and a facet of the library's filters)."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from portal.fields import optional_text, text
from search.text import fold

__all__ = ["IssuingBody"]


class IssuingBody(models.Model):
    """An organ that issues documents (Bộ Chính trị, Tổng Liên đoàn...): a filter facet."""

    name = text(
        _("Tên cơ quan"),
        _("Tên đầy đủ, ví dụ: Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam."),
        unique=True,
    )
    short_name = optional_text(
        _("Tên viết tắt"),
        _("Tùy chọn, ví dụ: TLĐ. Hiện trong bộ lọc khi tên đầy đủ quá dài."),
        max_length=50,
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
        verbose_name = verbose_name_plural = _("Cơ quan ban hành")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(fold(self.name))[:100]
        super().save(*args, **kwargs)
