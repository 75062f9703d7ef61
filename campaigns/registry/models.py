"""The member registry: one entry per person (keyed by the normalised phone number), an append-only
log of every submission, consent records per purpose, the status workflow, the privacy notice
versions, the targets the registry reports against, and the hand-off records.

Sign-up is a pre-registration, not an admission: a grassroots union decides. The registry keeps the
person's wish and hands it to the right union.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from campaigns.provinces import province_choices, province_name

# The tables keep the names they had when these models lived in the `campaigns` app
# (registry/migrations/0001_initial.py moved the models without touching a row).
__all__ = [
    "ConsentRecord",
    "Forwarding",
    "MemberSignup",
    "MembershipTarget",
    "PrivacyNotice",
    "ProvinceForwardAddress",
    "RegistryExport",
    "SignupSubmission",
    "StatusChange",
]


class PrivacyNotice(models.Model):
    """The data-protection notice shown above the consent boxes. Versions are never edited in
    place: saving a change makes a new version, and every consent points at the version shown."""

    version = models.PositiveIntegerField(
        _("Phiên bản"), unique=True, editable=False, help_text=_("Tự tăng khi lưu thay đổi.")
    )
    title = models.CharField(
        _("Tiêu đề"),
        max_length=200,
        default="Thông báo về xử lý dữ liệu cá nhân",
        help_text=_("Hiện ngay trên các ô đồng ý."),
    )
    body = RichTextField(
        _("Nội dung"),
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_(
            "Nêu rõ: thu thập dữ liệu gì, để làm gì, ai kiểm soát, ai nhận (công đoàn được "
            "chuyển đến), lưu bao lâu, quyền của người đăng ký và cách thực hiện."
        ),
    )
    created_at = models.DateTimeField(_("Tạo lúc"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người tạo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    panels = [FieldPanel("title"), FieldPanel("body")]

    class Meta:
        db_table = "campaigns_privacynotice"
        ordering = ["-version"]
        verbose_name = _("thông báo dữ liệu cá nhân")
        verbose_name_plural = _("Thông báo dữ liệu cá nhân")

    def __str__(self):
        return f"{self.title} (v{self.version})"

    def save(self, *args, **kwargs):
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
    def current(cls):
        return cls.objects.order_by("-version").first()


class MemberSignup(models.Model):
    """One person in the registry. The normalised (E.164) phone number is the key: a database
    unique constraint makes one person one entry even under concurrent submissions. Erasure
    clears every personal field and keeps the row, anonymous, for the counts."""

    # A sign-up changes no public page (progress counts are cached briefly on their own).
    page_cache_purge = False

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
    TRANSITIONS = {
        Status.NEW: {Status.CONTACTED, Status.FORWARDED, Status.DECLINED, Status.WITHDRAWN},
        Status.CONTACTED: {Status.FORWARDED, Status.DECLINED, Status.WITHDRAWN},
        Status.FORWARDED: {Status.CONTACTED, Status.ADMITTED, Status.DECLINED, Status.WITHDRAWN},
        Status.ADMITTED: {Status.WITHDRAWN},
        Status.DECLINED: {Status.CONTACTED},
        Status.WITHDRAWN: {Status.CONTACTED},
    }

    # The personal fields a submission may change and an erasure clears.
    PERSONAL_FIELDS = [
        "full_name",
        "date_of_birth",
        "sex",
        "phone",
        "email",
        "province",
        "commune",
        "workplace",
        "occupation",
        "grassroots_union",
        "nationality",
        "long_contract_confirmed",
    ]

    phone = models.CharField(
        _("Số điện thoại"),
        max_length=16,
        null=True,
        blank=True,
        help_text=_("Dạng quốc tế E.164 (+84 và 9 chữ số); mỗi số là một người."),
    )
    full_name = models.CharField(_("Họ và tên"), max_length=100, blank=True)
    # The name folded (no accents, lower case) for search; a trigram index on PostgreSQL
    # (migration 0002).
    name_folded = models.CharField(max_length=100, blank=True, editable=False)
    date_of_birth = models.DateField(_("Ngày sinh"), null=True, blank=True)
    sex = models.CharField(_("Giới tính"), max_length=8, choices=Sex.choices, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    province = models.CharField(
        _("Tỉnh, thành phố nơi làm việc"),
        max_length=2,
        choices=province_choices(),
        blank=True,
    )
    commune = models.CharField(_("Xã, phường"), max_length=120, blank=True)
    workplace = models.CharField(
        _("Nơi làm việc"), max_length=200, blank=True, help_text=_("Hoặc «Lao động tự do».")
    )
    occupation = models.CharField(_("Nghề nghiệp"), max_length=120, blank=True)
    grassroots_union = models.CharField(_("Công đoàn cơ sở"), max_length=200, blank=True)
    nationality = models.CharField(_("Quốc tịch"), max_length=100, blank=True)
    long_contract_confirmed = models.BooleanField(
        _("Có hợp đồng lao động từ 12 tháng"),
        default=False,
        help_text=_("Bắt buộc với người lao động nước ngoài (Luật Công đoàn 2024)."),
    )

    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=Status.choices, default=Status.NEW
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Trang đăng ký"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Trang (chiến dịch) nơi người này đăng ký lần đầu."),
        db_index=False,  # in the (source_page, -created_at, -id) index below
    )
    created_at = models.DateTimeField(_("Đăng ký lúc"), default=timezone.now)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)
    has_pending_changes = models.BooleanField(
        _("Có thay đổi chờ duyệt"),
        default=False,
        help_text=_("Một lần gửi sau có thông tin khác; cán bộ chấp nhận hoặc bỏ qua."),
    )
    forwarded_at = models.DateTimeField(_("Đã chuyển lúc"), null=True, blank=True)
    forward_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    erased_at = models.DateTimeField(_("Đã xoá dữ liệu lúc"), null=True, blank=True)

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

    def __str__(self):
        # Deliberately without the name: this label lands in Wagtail's audit log.
        return _("Đăng ký số %(pk)s") % {"pk": self.pk}

    def save(self, *args, **kwargs):
        from search.text import fold, squash

        self.name_folded = fold(squash(self.full_name))[:100]
        super().save(*args, **kwargs)

    @property
    def province_name(self):
        return province_name(self.province)

    # Plain values for the admin list and the export.
    @property
    def sex_label(self):
        return self.get_sex_display()

    @property
    def status_label(self):
        return self.get_status_display()

    @property
    def pending_label(self):
        return _("Có") if self.has_pending_changes else ""

    @property
    def source_title(self):
        return self.source_page.title if self.source_page_id and self.source_page else ""

    @property
    def phone_display(self):
        """0912 345 678: how Vietnamese read a mobile number."""
        if not self.phone or not self.phone.startswith("+84") or len(self.phone) != 12:
            return self.phone or ""
        digits = "0" + self.phone[3:]
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"

    @property
    def is_erased(self):
        return self.erased_at is not None

    def allowed_next_statuses(self):
        return [s for s in self.Status if s in self.TRANSITIONS.get(self.status, set())]


class SignupSubmission(models.Model):
    """Every accepted submission, exactly as typed, with when, where and which notice version
    was shown. Append-only: only the staff review fields (and erasure) may change later."""

    # A sign-up changes no public page (progress counts are cached briefly on their own).
    page_cache_purge = False

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
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Trang"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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

    def __str__(self):
        return _("Lần gửi số %(pk)s") % {"pk": self.pk}

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            update_fields = kwargs.get("update_fields")
            if not update_fields or not set(update_fields) <= self.MUTABLE_FIELDS:
                raise ValueError("SignupSubmission is append-only; pass update_fields to review.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("SignupSubmission is append-only; erase the entry instead.")


class ConsentRecord(models.Model):
    """Proof of one consent: purpose, the notice version shown, when, through which page, and any
    later withdrawal."""

    # A sign-up changes no public page (progress counts are cached briefly on their own).
    page_cache_purge = False

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
    withdrawn_at = models.DateTimeField(_("Rút lại lúc"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        db_table = "campaigns_consentrecord"
        ordering = ["granted_at", "pk"]
        verbose_name = _("sự đồng ý")
        verbose_name_plural = _("Các sự đồng ý")

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.granted_at:%d/%m/%Y})"


class StatusChange(models.Model):
    """Who moved an entry from one status to another, and when."""

    # A sign-up changes no public page (progress counts are cached briefly on their own).
    page_cache_purge = False

    signup = models.ForeignKey(
        MemberSignup, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(
        _("Từ"), max_length=16, choices=MemberSignup.Status.choices, blank=True
    )
    to_status = models.CharField(_("Sang"), max_length=16, choices=MemberSignup.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người đổi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("Lúc"), default=timezone.now)
    note = models.CharField(_("Ghi chú"), max_length=200, blank=True)

    class Meta:
        db_table = "campaigns_statuschange"
        ordering = ["changed_at", "pk"]
        verbose_name = _("đổi trạng thái")
        verbose_name_plural = _("Lịch sử trạng thái")

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class Forwarding(models.Model):
    """One hand-off attempt to the competent union: what was sent, to whom, and the outcome."""

    # A sign-up changes no public page (progress counts are cached briefly on their own).
    page_cache_purge = False

    class Outcome(models.TextChoices):
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Lỗi, chờ gửi lại")

    signup = models.ForeignKey(MemberSignup, on_delete=models.CASCADE, related_name="forwardings")
    forwarder = models.CharField(_("Cách chuyển"), max_length=200)
    recipient = models.CharField(_("Nơi nhận"), max_length=254, blank=True)
    outcome = models.CharField(_("Kết quả"), max_length=8, choices=Outcome.choices)
    fields_sent = models.JSONField(_("Các trường đã gửi"), default=list, blank=True)
    summary = models.CharField(_("Tóm tắt"), max_length=255, blank=True)
    error = models.CharField(_("Lỗi"), max_length=255, blank=True)
    attempted_at = models.DateTimeField(_("Lúc"), default=timezone.now)

    class Meta:
        db_table = "campaigns_forwarding"
        ordering = ["attempted_at", "pk"]
        verbose_name = _("lần chuyển đăng ký")
        verbose_name_plural = _("Các lần chuyển đăng ký")

    def __str__(self):
        return f"{self.get_outcome_display()} → {self.recipient}"


class ProvinceForwardAddress(models.Model):
    """Where the default forwarder e-mails new entries for one province."""

    province = models.CharField(
        _("Tỉnh, thành phố"),
        max_length=2,
        choices=province_choices(),
        unique=True,
        help_text=_("Đăng ký có nơi làm việc ở tỉnh này được gửi đến địa chỉ bên dưới."),
    )
    union_name = models.CharField(
        _("Tên công đoàn nhận"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Công đoàn Viên chức tỉnh …"),
    )
    email = models.EmailField(
        _("Thư điện tử nhận đăng ký"), help_text=_("Địa chỉ của bộ phận tổ chức tiếp nhận.")
    )

    panels = [FieldPanel("province"), FieldPanel("union_name"), FieldPanel("email")]

    class Meta:
        db_table = "campaigns_provinceforwardaddress"
        ordering = ["province"]
        verbose_name = _("địa chỉ chuyển đăng ký")
        verbose_name_plural = _("Địa chỉ chuyển đăng ký")

    def __str__(self):
        return f"{province_name(self.province)} → {self.email}"


class MembershipTarget(models.Model):
    """A target the registry reports against (e.g. +1,000,000 members in 2024)."""

    label = models.CharField(
        _("Tên mục tiêu"),
        max_length=200,
        help_text=_("Ví dụ: Phát triển 1.000.000 đoàn viên mới năm 2024."),
    )
    year = models.PositiveSmallIntegerField(_("Năm"), help_text=_("Năm phải đạt mục tiêu."))
    target = models.PositiveBigIntegerField(_("Chỉ tiêu"), help_text=_("Số đoàn viên cần đạt."))
    period_start = models.DateField(
        _("Tính từ ngày"),
        null=True,
        blank=True,
        help_text=_("Chỉ đếm đăng ký từ ngày này; để trống để đếm từ đầu."),
    )
    period_end = models.DateField(
        _("Đến hết ngày"),
        null=True,
        blank=True,
        help_text=_("Chỉ đếm đăng ký đến hết ngày này; để trống để đếm đến nay."),
    )
    baseline = models.PositiveBigIntegerField(
        _("Số đã có"),
        default=0,
        help_text=_("Số đoàn viên đã đạt ngoài đăng ký trực tuyến, cộng vào tiến độ."),
    )
    show_on_home = models.BooleanField(
        _("Hiện trên trang chủ"), default=True, help_text=_("Hiện thanh tiến độ ở trang chủ.")
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("year"),
        FieldPanel("target"),
        FieldPanel("period_start"),
        FieldPanel("period_end"),
        FieldPanel("baseline"),
        FieldPanel("show_on_home"),
    ]

    class Meta:
        db_table = "campaigns_membershiptarget"
        ordering = ["year", "pk"]
        verbose_name = _("mục tiêu phát triển đoàn viên")
        verbose_name_plural = _("Mục tiêu phát triển đoàn viên")

    def __str__(self):
        return self.label

    def clean(self):
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValidationError({"period_end": _("Ngày kết thúc phải sau ngày bắt đầu.")})


class ExportStorage(FileSystemStorage):
    """Private storage of export files: a folder outside MEDIA_ROOT (`REGISTRY_EXPORT_ROOT`) with
    no URL. Files leave only through the download view, which checks the export permission."""

    def __init__(self):
        super().__init__(location=None, base_url=None)

    @property
    def base_location(self):
        return str(settings.REGISTRY_EXPORT_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Registry export files have no public URL.")


def export_storage():
    return ExportStorage()


class RegistryExport(models.Model):
    """One export of the registry list, made in the background: who asked, when, which format
    and filters, its progress, and the file (in private storage, deleted after
    REGISTRY_EXPORT_RETENTION_DAYS). The search text is kept only until the file is written (it
    may be a name or a phone number)."""

    # A sign-up changes no public page (progress counts are cached briefly on their own).
    page_cache_purge = False

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang xuất")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Lỗi")
        EXPIRED = "expired", _("Đã xoá tệp (quá hạn)")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX (Excel)"

    created_at = models.DateTimeField(_("Yêu cầu lúc"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người yêu cầu"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file_format = models.CharField(_("Định dạng"), max_length=8, choices=Format.choices)
    status = models.CharField(
        _("Trạng thái"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    row_count = models.PositiveIntegerField(_("Số dòng đã xuất"), default=0)
    rows_total = models.PositiveIntegerField(_("Tổng số dòng"), null=True, blank=True)
    filters = models.JSONField(_("Bộ lọc"), default=dict, blank=True)
    search = models.CharField(max_length=255, blank=True, editable=False)
    file = models.FileField(
        _("Tệp"), storage=export_storage, upload_to="%Y/%m/", max_length=255, blank=True
    )
    started_at = models.DateTimeField(_("Bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("Xong lúc"), null=True, blank=True)
    error = models.CharField(_("Lỗi"), max_length=255, blank=True)

    class Meta:
        db_table = "campaigns_registryexport"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lần xuất dữ liệu")
        verbose_name_plural = _("Xuất dữ liệu")

    def __str__(self):
        return _("Xuất %(format)s số %(pk)s") % {
            "format": self.file_format.upper(),
            "pk": self.pk,
        }

    @property
    def downloadable(self):
        return self.status == self.Status.DONE and bool(self.file)
