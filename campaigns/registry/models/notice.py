"""Versions of the data-protection notice shown above the consent boxes."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.fields import optional_link, rich_text, text


class PrivacyNotice(models.Model):
    """The data-protection notice shown above the consent boxes. Versions are never edited in
    place: saving a change makes a new version, and every consent points at the version shown."""

    version = models.PositiveIntegerField(
        _("Phiên bản"), unique=True, editable=False, help_text=_("Tự tăng khi lưu thay đổi.")
    )
    title = text(
        _("Tiêu đề"),
        _("Hiện ngay trên các ô đồng ý."),
        default="Thông báo về xử lý dữ liệu cá nhân",
    )
    body = rich_text(
        _("Nội dung"),
        _(
            "Nêu rõ: thu thập dữ liệu gì, để làm gì, ai kiểm soát, ai nhận (công đoàn được "
            "chuyển đến), lưu bao lâu, quyền của người đăng ký và cách thực hiện."
        ),
        lists=True,
    )
    created_at = models.DateTimeField(_("Tạo lúc"), default=timezone.now, editable=False)
    created_by = optional_link(settings.AUTH_USER_MODEL, _("Người tạo"), editable=False)

    class Meta:
        db_table = "campaigns_privacynotice"
        ordering = ["-version"]
        verbose_name = _("thông báo dữ liệu cá nhân")
        verbose_name_plural = _("Thông báo dữ liệu cá nhân")

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is None:
            if not self.version:
                last = PrivacyNotice.objects.order_by("-version").values_list("version", flat=True)
                self.version = (last.first() or 0) + 1
        else:
            stored = PrivacyNotice.objects.filter(pk=self.pk).values("title", "body").first()
            if stored and (stored["title"], stored["body"]) != (self.title, self.body):
                raise ValidationError(
                    _("Không sửa một phiên bản đã dùng; lưu thay đổi thành phiên bản mới.")
                )
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> "PrivacyNotice | None":
        return cls.objects.order_by("-version").first()

    @classmethod
    def current_id(cls) -> int | None:
        """The current version's id, for the records of a sign-up: one index lookup in plain
        SQL (building the ORM's query cost more than the rest of storing a sign-up's consent)."""
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(
                # Table and column names are the model's.
                f"SELECT {quote(str(cls._meta.pk.column))} FROM {quote(cls._meta.db_table)} "  # noqa: S608
                f"ORDER BY {quote('version')} DESC LIMIT 1"
            )
            row = cursor.fetchone()
        return row[0] if row else None
