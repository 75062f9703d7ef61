"""A question a member sent: personal data. Never indexed, never on a public page; visible only
to staff with `legal.view_legalquestion` (group "Cán bộ tư vấn pháp luật"); erased after
LEGAL_QUESTION_RETENTION_DAYS (legal/retention.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.fields import (
    long_text,
    optional_datetime,
    optional_link,
    optional_long_text,
    optional_text,
    text,
)


class LegalQuestion(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("Mới")
        ANSWERED = "answered", _("Đã trả lời")
        PUBLISHED = "published", _("Đã đăng hỏi – đáp")
        DECLINED = "declined", _("Không trả lời")

    full_name = text(_("Họ và tên"))
    contact = text(_("Điện thoại hoặc thư điện tử"), _("Để cán bộ trả lời riêng."), max_length=254)
    topic = optional_link("legal.LegalTopicPage", _("Chủ đề"))
    question = long_text(_("Câu hỏi"), max_length=4000)
    consent_text = long_text(_("Nội dung đồng ý đã hiển thị"))
    consent_version = optional_text(_("Phiên bản nội dung đồng ý"), max_length=80)
    created_at = models.DateTimeField(_("Thời điểm gửi"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("Trạng thái"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    staff_note = optional_long_text(
        _("Ghi chú của cán bộ"), _("Chỉ cán bộ thấy: đã trả lời thế nào.")
    )
    erased_at = optional_datetime(
        _("Đã xoá dữ liệu cá nhân lúc"),
        _("Họ tên, cách liên hệ và nội dung được xoá khi hết thời hạn lưu."),
    )

    # A question must not empty the whole site's page cache (portal/pagecache/purge.py).
    page_cache_purge = False

    class Meta:
        verbose_name = verbose_name_plural = _("Câu hỏi pháp luật")
        ordering = ["-created_at"]

    def __str__(self):
        if self.erased_at:
            return f"#{self.pk} – (đã xoá dữ liệu cá nhân)"
        return f"#{self.pk} – {self.question[:60]}"
