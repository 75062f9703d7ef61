"""What happened to an entry: every submission as typed, each consent, each status change and
each hand-off attempt."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.fields import optional_datetime, optional_link, optional_text, text

from .notice import PrivacyNotice
from .private import PrivateRecord
from .signup import MemberSignup


class SignupSubmission(PrivateRecord):
    """Every accepted submission, exactly as typed, with when, where and which notice version
    was shown. Append-only: only the staff review fields (and erasure) may change later."""

    class Review(models.TextChoices):
        NONE = "", _("Lần đầu")
        SAME = "same", _("Không có gì khác")
        PENDING = "pending", _("Chờ duyệt")
        ACCEPTED = "accepted", _("Đã chấp nhận")
        IGNORED = "ignored", _("Đã bỏ qua")

    MUTABLE_FIELDS = {"review", "reviewed_by", "reviewed_at", "data", "normalised", "erased_at"}

    signup = models.ForeignKey(
        MemberSignup, on_delete=models.PROTECT, related_name="submissions", editable=False
    )
    submitted_at = models.DateTimeField(_("Gửi lúc"), default=timezone.now, db_index=True)
    source_page = optional_link("wagtailcore.Page", _("Trang"))
    notice = models.ForeignKey(
        PrivacyNotice,
        verbose_name=_("Phiên bản thông báo"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    data = models.JSONField(_("Nội dung đã nhập"), default=dict)
    normalised = models.JSONField(_("Nội dung đã chuẩn hoá"), default=dict)
    consent_registration = models.BooleanField(_("Đồng ý xử lý để đăng ký"), default=False)
    consent_news = models.BooleanField(_("Đồng ý nhận tin"), default=False)
    is_first = models.BooleanField(_("Lần gửi đầu"), default=False)
    review = models.CharField(
        _("Duyệt thay đổi"), max_length=10, choices=Review.choices, blank=True, default=""
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "campaigns_signupsubmission"
        ordering = ["submitted_at", "pk"]
        verbose_name = _("lần gửi đăng ký")
        verbose_name_plural = _("Các lần gửi đăng ký")

    def __str__(self) -> str:
        return _("Lần gửi số %(pk)s") % {"pk": self.pk}

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            update_fields = kwargs.get("update_fields")
            if not update_fields or not set(update_fields) <= self.MUTABLE_FIELDS:
                raise ValueError("SignupSubmission is append-only; pass update_fields to review.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("SignupSubmission is append-only; erase the entry instead.")


class ConsentRecord(PrivateRecord):
    """Proof of one consent: purpose, the notice version shown, when, through which page, and any
    later withdrawal."""

    class Purpose(models.TextChoices):
        REGISTRATION = "registration", _("Xử lý dữ liệu để đăng ký đoàn viên")
        NEWS = "news", _("Nhận tin qua SMS/thư điện tử")

    signup = models.ForeignKey(MemberSignup, on_delete=models.CASCADE, related_name="consents")
    submission = models.ForeignKey(
        SignupSubmission, null=True, on_delete=models.SET_NULL, related_name="consents"
    )
    purpose = models.CharField(_("Mục đích"), max_length=16, choices=Purpose.choices)
    notice = models.ForeignKey(
        PrivacyNotice, verbose_name=_("Phiên bản thông báo"), null=True, on_delete=models.PROTECT
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(_("Đồng ý lúc"), default=timezone.now)
    withdrawn_at = optional_datetime(_("Rút lại lúc"))
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        db_table = "campaigns_consentrecord"
        ordering = ["granted_at", "pk"]
        verbose_name = _("sự đồng ý")
        verbose_name_plural = _("Các sự đồng ý")

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.granted_at:%d/%m/%Y})"


class StatusChange(PrivateRecord):
    """Who moved an entry from one status to another, and when."""

    signup = models.ForeignKey(
        MemberSignup, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        _("Từ"), max_length=16, choices=MemberSignup.Status.choices, blank=True
    )
    to_status = models.CharField(_("Sang"), max_length=16, choices=MemberSignup.Status.choices)
    changed_by = optional_link(settings.AUTH_USER_MODEL, _("Người đổi"))
    changed_at = models.DateTimeField(_("Lúc"), default=timezone.now)
    note = optional_text(_("Ghi chú"))

    class Meta:
        db_table = "campaigns_statuschange"
        ordering = ["changed_at", "pk"]
        verbose_name = _("đổi trạng thái")
        verbose_name_plural = _("Lịch sử trạng thái")

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class Forwarding(PrivateRecord):
    """One hand-off attempt to the competent union: what was sent, to whom, and the outcome."""

    class Outcome(models.TextChoices):
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Lỗi, chờ gửi lại")

    signup = models.ForeignKey(MemberSignup, on_delete=models.CASCADE, related_name="forwardings")
    forwarder = text(_("Cách chuyển"))
    recipient = optional_text(_("Nơi nhận"), max_length=254)
    outcome = models.CharField(_("Kết quả"), max_length=8, choices=Outcome.choices)
    fields_sent = models.JSONField(_("Các trường đã gửi"), default=list, blank=True)
    summary = optional_text(_("Tóm tắt"), max_length=255)
    error = optional_text(_("Lỗi"), max_length=255)
    attempted_at = models.DateTimeField(_("Lúc"), default=timezone.now)

    class Meta:
        db_table = "campaigns_forwarding"
        ordering = ["attempted_at", "pk"]
        verbose_name = _("lần chuyển đăng ký")
        verbose_name_plural = _("Các lần chuyển đăng ký")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} → {self.recipient}"
