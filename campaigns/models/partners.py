"""The Partner snippet of "Vì phúc lợi đoàn viên": businesses that signed a cooperation agreement
with a union to give members discounts and services.

A partner is a snippet with drafts and revisions: editors prepare a listing before it goes live,
and a draft (``live=False``) is shown nowhere public: not in the directory, not at its URL, not
in the footer strip, not in the site search.
"""

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PublishingPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
)
from wagtail.search import index

from search.index import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from search.text import fold, plain_text

__all__ = [
    "PARTNER_LOGO_SPEC",
    "STRIP_LOGO_SPEC",
    "Partner",
    "PartnerLocation",
    "PartnerQuerySet",
    "PartnerStatus",
    "Province",
    "Scope",
    "Sector",
    "forget_partner_caches",
    "partner_programme_url",
    "with_renditions",
]


class Province(models.Model):
    """One of the 34 province-level units (since 1/7/2025). Rows come from a data migration that
    reads `campaigns/provinces.py`; editors never add or change them."""

    code = models.CharField(_("Mã"), max_length=2, primary_key=True)
    name = models.CharField(_("Tên"), max_length=100)
    kind = models.CharField(_("Loại"), max_length=20, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("Tỉnh/thành phố")
        verbose_name_plural = _("Tỉnh/thành phố")

    def __str__(self):
        return self.name

    @classmethod
    def ensure_all(cls):
        """Create any of the 34 that are missing (after a flush in transactional tests)."""
        from campaigns.provinces import _load

        existing = set(cls.objects.values_list("code", flat=True))
        missing = [
            cls(code=p.code, name=p.name, kind=p.kind) for p in _load() if p.code not in existing
        ]
        if missing:
            cls.objects.bulk_create(missing)
        return len(missing)


class Sector(models.TextChoices):
    RETAIL = "sieu-thi", _("Siêu thị, bán lẻ")
    HEALTH = "y-te", _("Y tế, bệnh viện")
    TRAVEL = "du-lich", _("Du lịch, nghỉ dưỡng")
    TRANSPORT = "van-tai", _("Vận tải, đi lại")
    EDUCATION = "giao-duc", _("Giáo dục, đào tạo")
    FOOD = "am-thuc", _("Ăn uống, ẩm thực")
    FINANCE = "tai-chinh", _("Ngân hàng, bảo hiểm")
    TELECOM = "vien-thong", _("Viễn thông, công nghệ")
    HOUSING = "nha-o", _("Nhà ở, đồ gia dụng")
    OTHER = "khac", _("Lĩnh vực khác")


class Scope(models.TextChoices):
    NATIONWIDE = "toan-quoc", _("Toàn quốc")
    PROVINCE = "tinh", _("Theo tỉnh/thành phố")
    SECTOR = "nganh", _("Theo ngành")


class PartnerStatus(models.TextChoices):
    ACTIVE = "dang-hop-tac", _("Đang hợp tác")
    PAUSED = "tam-dung", _("Tạm dừng")
    ENDED = "cham-dut", _("Đã chấm dứt")


BENEFICIARY_FIELDS = (
    ("for_members", _("Đoàn viên")),
    ("for_family", _("Người thân của đoàn viên")),
    ("for_children", _("Con của đoàn viên")),
)
CLAIM_FIELDS = (
    ("claim_union_card", _("Xuất trình thẻ đoàn viên")),
    ("claim_code", _("Nhập mã ưu đãi")),
    ("claim_phone", _("Đăng nhập bằng số điện thoại")),
    ("claim_evoucher", _("Phiếu ưu đãi điện tử (e-voucher)")),
)

PARTNER_LOGO_SPEC = "max-240x120"
STRIP_LOGO_SPEC = "height-96"
PROGRAMME_URL_CACHE_KEY = "campaigns:partner-programme-url"


def today():
    return timezone.localdate()


def with_renditions(queryset, field, spec):
    """Join the image `field` and prefetch its rendition for `spec` in one more query, so that
    `{% image obj.field spec %}` costs nothing per row."""
    from wagtail.images import get_image_model

    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=spec)
    return queryset.select_related(field).prefetch_related(
        models.Prefetch(
            f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions"
        )
    )


class PartnerQuerySet(models.QuerySet):
    def public(self):
        """Published partners: what any reader may see (drafts never)."""
        return self.filter(live=True)

    def valid_on(self, day=None):
        """Partners whose agreement is in force on `day` (today by default)."""
        day = day or today()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
            status=PartnerStatus.ACTIVE,
        )

    def current(self, day=None):
        return self.public().valid_on(day)

    def serving_province(self, code):
        """Partners a member in province `code` can use: nationwide offers, offers for that
        province, sector-wide offers not limited to some provinces, and partners with a shop
        or branch there."""
        through = Partner.provinces.through
        listed = through.objects.filter(partner=OuterRef("pk"), province_id=code)
        any_listed = through.objects.filter(partner=OuterRef("pk"))
        located = PartnerLocation.objects.filter(partner=OuterRef("pk"), province_id=code)
        return self.filter(
            Q(scope=Scope.NATIONWIDE)
            | Exists(listed)
            | Exists(located)
            | (Q(scope=Scope.SECTOR) & ~Exists(any_listed))
        )

    def matching(self, text):
        """Accent-insensitive match of every word: "ha noi" finds "Hà Nội"."""
        for word in fold(text).split()[:8]:
            self = self.filter(folded_text__contains=word)
        return self

    def for_cards(self):
        """What a partner card needs, in a fixed number of queries whatever the count: logos in
        the same query, their renditions in one more, provinces in one more."""
        return with_renditions(self, "logo", PARTNER_LOGO_SPEC).prefetch_related(
            models.Prefetch("provinces", queryset=Province.objects.order_by("code"))
        )


class PartnerForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == Scope.PROVINCE and not cleaned.get("provinces"):
            self.add_error(
                "provinces",
                _("Ưu đãi theo tỉnh/thành phố: hãy chọn ít nhất một tỉnh/thành phố áp dụng."),
            )
        low, high = cleaned.get("discount_min"), cleaned.get("discount_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "discount_max", _("Mức giảm tối đa phải lớn hơn hoặc bằng mức giảm tối thiểu.")
            )
        return cleaned


class Partner(
    PreviewableMixin,
    LockableMixin,
    DraftStateMixin,
    RevisionMixin,
    FoldedSearchMixin,
    index.Indexed,
    ClusterableModel,
):
    """A business in the "Vì phúc lợi đoàn viên" programme and the offer it gives members."""

    name = models.CharField(
        _("Tên đối tác"),
        max_length=200,
        help_text=_("Tên giao dịch của doanh nghiệp, ví dụ: Siêu thị ABC."),
    )
    slug = models.SlugField(
        _("Đường dẫn"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_(
            "Phần cuối địa chỉ trang đối tác (chữ không dấu, gạch nối). Bỏ trống để tạo từ tên."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Logo trên nền trắng hoặc trong suốt (PNG), rộng ít nhất 240 px. Chỉ đối tác có logo "
            "mới hiện ở dải logo chân trang."
        ),
    )
    sector = models.CharField(
        _("Lĩnh vực"),
        max_length=20,
        choices=Sector.choices,
        default=Sector.RETAIL,
        db_index=True,
        help_text=_("Lĩnh vực kinh doanh, dùng cho bộ lọc của danh bạ đối tác."),
    )
    offer_summary = models.CharField(
        _("Ưu đãi (tóm tắt)"),
        max_length=300,
        help_text=_(
            "Một câu nói rõ ưu đãi, hiện trên thẻ đối tác. Ví dụ: Giảm 10% hóa đơn mua hàng "
            "cho đoàn viên và người thân."
        ),
    )
    offer_details = RichTextField(
        _("Chi tiết ưu đãi"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Mặt hàng, dịch vụ áp dụng; điều kiện; trường hợp không áp dụng."),
    )
    discount_min = models.PositiveSmallIntegerField(
        _("Mức giảm tối thiểu (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Ví dụ 10. Bỏ trống nếu ưu đãi không tính theo phần trăm."),
    )
    discount_max = models.PositiveSmallIntegerField(
        _("Mức giảm tối đa (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Ví dụ 30. Bỏ trống nếu chỉ có một mức giảm."),
    )
    discount_text = models.CharField(
        _("Mức ưu đãi (diễn giải)"),
        max_length=120,
        blank=True,
        help_text=_(
            "Dùng thay cho phần trăm khi ưu đãi khác, ví dụ: Miễn phí khám lần đầu. "
            "Nếu điền, dòng này được hiện thay cho phần trăm."
        ),
    )
    for_members = models.BooleanField(
        _("Đoàn viên"), default=True, help_text=_("Đoàn viên công đoàn được hưởng ưu đãi.")
    )
    for_family = models.BooleanField(
        _("Người thân"),
        default=False,
        help_text=_("Vợ/chồng, bố mẹ của đoàn viên cũng được hưởng ưu đãi."),
    )
    for_children = models.BooleanField(
        _("Con của đoàn viên"), default=False, help_text=_("Con của đoàn viên được hưởng ưu đãi.")
    )
    claim_union_card = models.BooleanField(
        _("Xuất trình thẻ đoàn viên"),
        default=True,
        help_text=_("Đưa thẻ đoàn viên (thẻ giấy hoặc thẻ điện tử) khi thanh toán."),
    )
    claim_code = models.BooleanField(
        _("Nhập mã ưu đãi"), default=False, help_text=_("Nhập mã khi mua trực tuyến hoặc đặt chỗ.")
    )
    claim_phone = models.BooleanField(
        _("Đăng nhập bằng số điện thoại"),
        default=False,
        help_text=_("Ưu đãi gắn với số điện thoại đã đăng ký đoàn viên."),
    )
    claim_evoucher = models.BooleanField(
        _("Phiếu ưu đãi điện tử"),
        default=False,
        help_text=_("Đoàn viên nhận e-voucher qua ứng dụng hoặc tin nhắn."),
    )
    claim_instructions = models.TextField(
        _("Các bước nhận ưu đãi"),
        blank=True,
        help_text=_("Mỗi bước một dòng, viết ngắn để đọc trên điện thoại."),
    )
    scope = models.CharField(
        _("Phạm vi áp dụng"),
        max_length=12,
        choices=Scope.choices,
        default=Scope.NATIONWIDE,
        db_index=True,
        help_text=_(
            "Toàn quốc; theo tỉnh/thành phố (chọn các tỉnh bên dưới); hoặc theo ngành (chỉ đoàn "
            "viên một ngành)."
        ),
    )
    provinces = ParentalManyToManyField(
        Province,
        verbose_name=_("Tỉnh/thành phố áp dụng"),
        blank=True,
        related_name="partners",
        help_text=_("Bắt buộc khi phạm vi là theo tỉnh/thành phố. Danh sách 34 tỉnh, thành phố."),
    )
    scope_sector = models.CharField(
        _("Ngành áp dụng"),
        max_length=200,
        blank=True,
        help_text=_("Khi phạm vi là theo ngành, ví dụ: Đoàn viên ngành Giáo dục."),
    )
    signing_union = models.CharField(
        _("Công đoàn ký kết"),
        max_length=200,
        default="Công đoàn Viên chức Việt Nam",
        help_text=_("Cấp công đoàn đã ký thỏa thuận hợp tác với đối tác."),
    )
    agreement_number = models.CharField(
        _("Số thỏa thuận"),
        max_length=60,
        blank=True,
        help_text=_("Số hiệu văn bản thỏa thuận hợp tác, ví dụ 12/TTHT-CĐVC."),
    )
    valid_from = models.DateField(
        _("Hiệu lực từ ngày"),
        null=True,
        blank=True,
        help_text=_("Ngày thỏa thuận bắt đầu có hiệu lực."),
    )
    valid_to = models.DateField(
        _("Hiệu lực đến ngày"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Sau ngày này đối tác tự ẩn khỏi danh bạ. Bỏ trống nếu không thời hạn."),
    )
    contact_person = models.CharField(
        _("Người liên hệ"), max_length=120, blank=True, help_text=_("Đầu mối phía đối tác.")
    )
    contact_phone = models.CharField(
        _("Điện thoại"), max_length=50, blank=True, help_text=_("Số tổng đài hoặc số đầu mối.")
    )
    contact_email = models.EmailField(
        _("Thư điện tử"), blank=True, help_text=_("Hộp thư liên hệ của đối tác.")
    )
    website = models.URLField(
        _("Trang web"), blank=True, help_text=_("Địa chỉ trang web, bắt đầu bằng https://")
    )
    status = models.CharField(
        _("Trạng thái hợp tác"),
        max_length=20,
        choices=PartnerStatus.choices,
        default=PartnerStatus.ACTIVE,
        db_index=True,
        help_text=_(
            "Tạm dừng hoặc chấm dứt thì đối tác ẩn khỏi danh bạ mặc định và dải logo, dù còn "
            "thời hạn."
        ),
    )
    folded_text = models.TextField(editable=False, blank=True, default="")

    objects = PartnerQuerySet.as_manager()

    folded_title_fields = ("name",)
    folded_body_fields = (
        "offer_summary",
        "offer_details",
        "discount_label",
        "get_sector_display",
        "scope_sector",
        "signing_union",
        "province_names",
    )

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("offer_summary"),
        index.SearchField("offer_details"),
        index.FilterField("live"),
        index.FilterField("sector"),
        index.FilterField("scope"),
        index.FilterField("status"),
        index.FilterField("valid_to"),
        *FOLDED_SEARCH_FIELDS,
    ]

    # The site search (search/registry.py) covers partners too: published ones only.
    site_searchable = True
    search_type_label = _("Đối tác phúc lợi")

    @classmethod
    def site_search_queryset(cls):
        return cls.objects.public().select_related("logo")

    base_form_class = PartnerForm

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    FieldPanel("logo"),
                    FieldPanel("sector"),
                    FieldPanel("offer_summary"),
                    FieldPanel("offer_details"),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("discount_min"), FieldPanel("discount_max")]),
                            FieldPanel("discount_text"),
                        ],
                        heading=_("Mức ưu đãi"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("for_members"),
                            FieldPanel("for_family"),
                            FieldPanel("for_children"),
                        ],
                        heading=_("Ai được hưởng"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("claim_union_card"),
                            FieldPanel("claim_code"),
                            FieldPanel("claim_phone"),
                            FieldPanel("claim_evoucher"),
                            FieldPanel("claim_instructions"),
                        ],
                        heading=_("Cách nhận ưu đãi"),
                    ),
                ],
                heading=_("Ưu đãi"),
            ),
            ObjectList(
                [
                    FieldPanel("scope"),
                    FieldPanel("provinces", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("scope_sector"),
                    HelpPanel(
                        content=_(
                            "Địa điểm: mỗi cửa hàng, chi nhánh một dòng. Tọa độ (vĩ độ, kinh "
                            "độ) là tùy chọn; có tọa độ thì trang đối tác hiện liên kết bản đồ."
                        )
                    ),
                    InlinePanel("locations", label=_("Địa điểm"), heading=_("Địa điểm")),
                ],
                heading=_("Phạm vi và địa điểm"),
            ),
            ObjectList(
                [
                    FieldPanel("signing_union"),
                    FieldPanel("agreement_number"),
                    FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
                    FieldPanel("status"),
                    MultiFieldPanel(
                        [
                            FieldPanel("contact_person"),
                            FieldPanel("contact_phone"),
                            FieldPanel("contact_email"),
                            FieldPanel("website"),
                        ],
                        heading=_("Liên hệ"),
                    ),
                ],
                heading=_("Thỏa thuận và liên hệ"),
            ),
            ObjectList([PublishingPanel()], heading=_("Xuất bản")),
        ]
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Đối tác phúc lợi")
        verbose_name_plural = _("Đối tác phúc lợi")
        indexes = [models.Index(fields=["live", "status", "valid_to"])]

    def __str__(self):
        return self.name

    # --- derived values -----------------------------------------------------------------

    @property
    def discount_label(self):
        if self.discount_text:
            return self.discount_text
        low, high = self.discount_min, self.discount_max
        if low and high and low != high:
            return _("Giảm %(low)s–%(high)s%%") % {"low": low, "high": high}
        if low or high:
            return _("Giảm %(value)s%%") % {"value": low or high}
        return ""

    @property
    def beneficiaries(self):
        return [label for field, label in BENEFICIARY_FIELDS if getattr(self, field)]

    @property
    def claim_methods(self):
        return [label for field, label in CLAIM_FIELDS if getattr(self, field)]

    @property
    def claim_steps(self):
        return [line.strip() for line in self.claim_instructions.splitlines() if line.strip()]

    def province_names(self):
        try:
            return ", ".join(p.name for p in self.provinces.all())
        except ValueError:  # an unsaved partner with no provinces set yet
            return ""

    @property
    def scope_label(self):
        if self.scope == Scope.NATIONWIDE:
            return _("Toàn quốc")
        if self.scope == Scope.SECTOR:
            return self.scope_sector or _("Theo ngành")
        return self.province_names() or _("Theo tỉnh/thành phố")

    def is_valid_on(self, day=None):
        day = day or today()
        return (
            self.status == PartnerStatus.ACTIVE
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_to is None or self.valid_to >= day)
        )

    @property
    def is_valid_today(self):
        return self.is_valid_on()

    @property
    def validity_label(self):
        """Why a partner is not in force, in words a member understands ("" when it is)."""
        day = today()
        if self.status == PartnerStatus.PAUSED:
            return _("Tạm dừng ưu đãi")
        if self.status == PartnerStatus.ENDED:
            return _("Đã chấm dứt hợp tác")
        if self.valid_to and self.valid_to < day:
            return _("Đã hết hạn")
        if self.valid_from and self.valid_from > day:
            return _("Chưa đến ngày áp dụng")
        return ""

    def search_snippet_text(self):
        """One plain line for a search result."""
        parts = [self.get_sector_display(), self.discount_label, self.offer_summary]
        return " · ".join(str(p) for p in parts if p)

    # --- URLs -------------------------------------------------------------------------

    def get_url(self, request=None):
        base = getattr(self, "_programme_url", None) or partner_programme_url(request)
        if not base or not self.slug:
            return None
        return f"{base}doi-tac/{self.slug}/"

    @property
    def url(self):
        return self.get_url()

    def get_full_url(self, request=None):
        url = self.get_url(request)
        if url and request is not None and url.startswith("/"):
            return request.build_absolute_uri(url)
        return url

    # --- saving -------------------------------------------------------------------------

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError(
                {"valid_to": _("Ngày hết hiệu lực phải sau hoặc trùng ngày bắt đầu hiệu lực.")}
            )
        if not self.slug:
            self.slug = self._unique_slug()

    def _unique_slug(self):
        base = slugify(fold(self.name))[:100] or "doi-tac"
        slug, n = base, 2
        while Partner.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def build_folded_text(self):
        try:
            addresses = [f"{loc.address} {loc.name}" for loc in self.locations.all()]
            located = [loc.province.name for loc in self.locations.all() if loc.province_id]
        except ValueError:
            addresses, located = [], []
        parts = [
            self.name,
            self.offer_summary,
            plain_text(self.offer_details),
            self.discount_label,
            self.get_sector_display(),
            self.scope_label,
            self.signing_union,
            *addresses,
            *located,
        ]
        return fold(" ".join(str(p) for p in parts if p))

    def save(self, *args, **kwargs):
        # A save with update_fields is Wagtail storing a draft revision's bookkeeping on the live
        # row: the draft's text must not leak into the live search text, so only full saves
        # (create, publish) recompute it.
        if kwargs.get("update_fields") is None:
            if not self.slug:
                self.slug = self._unique_slug()
            self.folded_text = self.build_folded_text()
        super().save(*args, **kwargs)

    # --- preview --------------------------------------------------------------------------

    def get_preview_template(self, request, mode_name):
        return "campaigns/partner_page.html"

    def get_preview_context(self, request, mode_name):
        from .pages import PartnerProgramPage

        page = PartnerProgramPage.objects.live().first()
        return {"partner": self, "page": page, "self": page, "request": request}


class PartnerLocation(Orderable):
    """A shop, branch or clinic where members can use the offer."""

    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(
        _("Tên địa điểm"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Chi nhánh Cầu Giấy. Bỏ trống nếu chỉ có một địa điểm."),
    )
    address = models.CharField(
        _("Địa chỉ"), max_length=300, help_text=_("Số nhà, đường, xã/phường.")
    )
    province = models.ForeignKey(
        Province,
        verbose_name=_("Tỉnh/thành phố"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Một trong 34 tỉnh, thành phố."),
    )
    phone = models.CharField(
        _("Điện thoại"), max_length=50, blank=True, help_text=_("Số của địa điểm này, nếu có.")
    )
    latitude = models.DecimalField(
        _("Vĩ độ"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Tùy chọn, ví dụ 21.028511."),
    )
    longitude = models.DecimalField(
        _("Kinh độ"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Tùy chọn, ví dụ 105.804817."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("province"),
        FieldPanel("phone"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Địa điểm")
        verbose_name_plural = _("Địa điểm")

    def __str__(self):
        return self.name or self.address

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Điền cả vĩ độ và kinh độ, hoặc bỏ trống cả hai."))

    @property
    def map_url(self):
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )


# --- the programme page's URL, cached (partners link to it from every listing) ------------------


def partner_programme_url(request=None):
    """The relative URL of the live PartnerProgramPage ('/vi-phuc-loi-doan-vien/'), or None.

    Cached so that linking N partners does not cost N page lookups; cleared when the programme
    page is saved, published, unpublished, moved or deleted.
    """
    url = cache.get(PROGRAMME_URL_CACHE_KEY)
    if url is None:
        from .pages import PartnerProgramPage

        page = PartnerProgramPage.objects.live().public().only("id", "url_path").first()
        url = (page.get_url(request) if page else "") or ""
        cache.set(PROGRAMME_URL_CACHE_KEY, url, 60 * 60)
    return url or None


def forget_partner_caches():
    cache.delete(PROGRAMME_URL_CACHE_KEY)


@receiver(post_save, sender=Partner)
@receiver(post_delete, sender=Partner)
def _partner_changed(sender, **kwargs):
    forget_partner_caches()
