"""One person in the registry (keyed by the normalised phone number), with the status workflow.

Sign-up is a pre-registration, not an admission: a grassroots union decides. The registry keeps the
person's wish and hands it to the right union."""

from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.provinces import province_choices, province_name
from portal.fields import optional_date, optional_datetime, optional_link, optional_text, switch

from ..labels import PERSON_HEADINGS
from ..normalise import display_phone
from .private import PrivateRecord


class MemberSignup(PrivateRecord):
    """One person in the registry. The normalised (E.164) phone number is the key: a database
    unique constraint makes one person one entry even under concurrent submissions. Erasure
    clears every personal field and keeps the row, anonymous, for the counts."""

    class Status(models.TextChoices):
        NEW = "new", _("Mới")
        CONTACTED = "contacted", _("Đã liên hệ")
        FORWARDED = "forwarded", _("Đã chuyển công đoàn")
        ADMITTED = "admitted", _("Đã kết nạp")
        DECLINED = "declined", _("Không kết nạp")
        WITHDRAWN = "withdrawn", _("Đã rút")

    class Sex(models.TextChoices):
        MALE = "nam", _("Nam")
        FEMALE = "nu", _("Nữ")

    # The status workflow: which status may follow which. Final states may be reopened to
    # "contacted" when staff made a mistake.
    TRANSITIONS: dict[str, set[str]] = {
        Status.NEW: {Status.CONTACTED, Status.FORWARDED, Status.DECLINED, Status.WITHDRAWN},
        Status.CONTACTED: {Status.FORWARDED, Status.DECLINED, Status.WITHDRAWN},
        Status.FORWARDED: {Status.CONTACTED, Status.ADMITTED, Status.DECLINED, Status.WITHDRAWN},
        Status.ADMITTED: {Status.WITHDRAWN},
        Status.DECLINED: {Status.CONTACTED},
        Status.WITHDRAWN: {Status.CONTACTED},
    }

    # The personal fields a submission may change and an erasure clears.
    PERSONAL_FIELDS = [name for name, _heading in PERSON_HEADINGS] + ["long_contract_confirmed"]
    # Where the person works (the second group of the correction form).
    WORKPLACE_FIELDS = ["province", "commune", "workplace", "occupation", "grassroots_union"]

    phone = optional_text(
        _("Số điện thoại"),
        _("Dạng quốc tế E.164 (+84 và 9 chữ số); mỗi số là một người."),
        max_length=16,
        null=True,
    )
    full_name = optional_text(_("Họ và tên"), max_length=100)
    # The name folded (no accents, lower case) for search; a GIN index on its words on
    # PostgreSQL (migration 0004).
    name_folded = models.CharField(max_length=100, blank=True, editable=False)
    date_of_birth = optional_date(_("Ngày sinh"))
    sex = models.CharField(_("Giới tính"), max_length=8, choices=Sex.choices, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    province = models.CharField(
        _("Tỉnh, thành phố nơi làm việc"),
        max_length=2,
        choices=province_choices(),
        blank=True,
    )
    commune = optional_text(_("Xã, phường"), max_length=120)
    workplace = optional_text(_("Nơi làm việc"), _("Hoặc «Lao động tự do»."))
    occupation = optional_text(_("Nghề nghiệp"), max_length=120)
    grassroots_union = optional_text(_("Công đoàn cơ sở"))
    nationality = optional_text(_("Quốc tịch"), max_length=100)
    long_contract_confirmed = switch(
        _("Có hợp đồng lao động từ 12 tháng"),
        _("Bắt buộc với người lao động nước ngoài (Luật Công đoàn 2024)."),
        default=False,
    )

    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=Status.choices, default=Status.NEW
    )
    source_page = optional_link(
        "wagtailcore.Page",
        _("Trang đăng ký"),
        _("Trang (chiến dịch) nơi người này đăng ký lần đầu."),
        db_index=False,
    )
    created_at = models.DateTimeField(_("Đăng ký lúc"), default=timezone.now)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)
    has_pending_changes = switch(
        _("Có thay đổi chờ duyệt"),
        _("Một lần gửi sau có thông tin khác; cán bộ chấp nhận hoặc bỏ qua."),
        default=False,
    )
    forwarded_at = optional_datetime(_("Đã chuyển lúc"))
    forward_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    erased_at = optional_datetime(_("Đã xoá dữ liệu lúc"))

    class Meta:
        db_table = "campaigns_membersignup"
        verbose_name = _("đăng ký đoàn viên")
        verbose_name_plural = _("Đăng ký đoàn viên")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["phone"], name="campaigns_membersignup_unique_phone")
        ]
        # One index per filter and sort of the admin list, each ending in the list's order
        # (newest first, then id): a page is read from the index in order and stops after its
        # rows, at any size (docs/registry.md, "The list at scale").
        indexes = [
            models.Index(fields=["created_at", "id"], name="registry_signup_created"),
            models.Index(
                fields=["province", "-created_at", "-id"], name="registry_signup_province"
            ),
            models.Index(fields=["status", "-created_at", "-id"], name="registry_signup_status"),
            models.Index(
                fields=["source_page", "-created_at", "-id"], name="registry_signup_source"
            ),
            models.Index(fields=["full_name", "id"], name="registry_signup_name"),
            models.Index(
                fields=["-created_at", "-id"],
                condition=models.Q(has_pending_changes=True),
                name="registry_signup_pending",
            ),
        ]
        permissions = [
            ("export_membersignup", "Xuất danh sách đăng ký đoàn viên"),
        ]

    def __str__(self) -> str:
        # Deliberately without the name: this label lands in Wagtail's audit log.
        return _("Đăng ký số %(pk)s") % {"pk": self.pk}

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.fold_name()
        super().save(*args, **kwargs)

    def fold_name(self) -> None:
        """Keep `name_folded` (the name without accents, lower case) for search."""
        from search.text import fold, squash

        self.name_folded = fold(squash(self.full_name))[:100]

    @property
    def province_name(self) -> str:
        return province_name(self.province)

    # Plain values for the admin list and the export.
    @property
    def sex_label(self) -> str:
        return self.get_sex_display()

    @property
    def status_label(self) -> str:
        return self.get_status_display()

    @property
    def pending_label(self) -> Any:
        return _("Có") if self.has_pending_changes else ""

    @property
    def source_title(self) -> str:
        return self.source_page.title if self.source_page_id and self.source_page else ""

    @property
    def phone_display(self) -> str:
        """0912 345 678: how Vietnamese read a mobile number."""
        return display_phone(self.phone)

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    def allowed_next_statuses(self) -> list["MemberSignup.Status"]:
        return [s for s in self.Status if s in self.TRANSITIONS.get(self.status, set())]
