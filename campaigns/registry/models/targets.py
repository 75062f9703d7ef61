"""The registry's settings: where each province's entries are handed off, and the targets its
progress is reported against."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns.provinces import province_choices, province_name
from portal.fields import optional_date, optional_text, switch, text

from .private import PrivateRecord


class ProvinceForwardAddress(PrivateRecord):
    """Where the default forwarder e-mails new entries for one province."""

    province = models.CharField(
        _("Tỉnh, thành phố"),
        max_length=2,
        choices=province_choices(),
        unique=True,
        help_text=_("Đăng ký có nơi làm việc ở tỉnh này được gửi đến địa chỉ bên dưới."),
    )
    union_name = optional_text(_("Tên công đoàn nhận"), _("Ví dụ: Công đoàn Viên chức tỉnh …"))
    email = models.EmailField(
        _("Thư điện tử nhận đăng ký"), help_text=_("Địa chỉ của bộ phận tổ chức tiếp nhận.")
    )

    class Meta:
        db_table = "campaigns_provinceforwardaddress"
        ordering = ["province"]
        verbose_name = _("địa chỉ chuyển đăng ký")
        verbose_name_plural = _("Địa chỉ chuyển đăng ký")

    def __str__(self) -> str:
        return f"{province_name(self.province)} → {self.email}"


class MembershipTarget(models.Model):
    """A target the registry reports against (e.g. +1,000,000 members in 2024)."""

    label = text(_("Tên mục tiêu"), _("Ví dụ: Phát triển 1.000.000 đoàn viên mới năm 2024."))
    year = models.PositiveSmallIntegerField(_("Năm"), help_text=_("Năm phải đạt mục tiêu."))
    target = models.PositiveBigIntegerField(_("Chỉ tiêu"), help_text=_("Số đoàn viên cần đạt."))
    period_start = optional_date(
        _("Tính từ ngày"), _("Chỉ đếm đăng ký từ ngày này; để trống để đếm từ đầu.")
    )
    period_end = optional_date(
        _("Đến hết ngày"), _("Chỉ đếm đăng ký đến hết ngày này; để trống để đếm đến nay.")
    )
    baseline = models.PositiveBigIntegerField(
        _("Số đã có"),
        default=0,
        help_text=_("Số đoàn viên đã đạt ngoài đăng ký trực tuyến, cộng vào tiến độ."),
    )
    show_on_home = switch(
        _("Hiện trên trang chủ"), _("Hiện thanh tiến độ ở trang chủ."), default=True
    )

    # What staff edit (the admin form) and what the progress figures read.
    FORM_FIELDS = [
        "label",
        "year",
        "target",
        "period_start",
        "period_end",
        "baseline",
        "show_on_home",
    ]

    class Meta:
        db_table = "campaigns_membershiptarget"
        ordering = ["year", "pk"]
        verbose_name = _("mục tiêu phát triển đoàn viên")
        verbose_name_plural = _("Mục tiêu phát triển đoàn viên")

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValidationError({"period_end": _("Ngày kết thúc phải sau ngày bắt đầu.")})
