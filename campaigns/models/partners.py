"""The Partner snippet of "Vì phúc lợi đoàn viên": businesses that signed a cooperation agreement
with a union to give members discounts and services.

A partner is a snippet with drafts and revisions: editors prepare a listing before it goes live,
and a draft (``live=False``) is shown nowhere public: not in the directory, not at its URL, not
in the footer strip, not in the site search.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
)
from wagtail.search import index

from campaigns.partner_forms import PartnerForm
from campaigns.partner_links import PartnerLinksMixin, forget_partner_caches
from home.page_parts import optional_image
from portal.fields import (
    choice,
    optional_date,
    optional_long_text,
    optional_rich_text,
    optional_text,
    optional_url,
    text,
)
from search.index import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from search.text import fold, plain_text

from .partner_choices import BENEFICIARIES, CLAIM_METHODS, PartnerStatus, Scope, Sector, switches
from .partner_offer import PartnerOfferMixin
from .partner_panels import partner_edit_handler
from .partner_queries import PartnerQuerySet
from .province import Province

__all__ = ["Partner"]


class Partner(
    PartnerOfferMixin,
    PartnerLinksMixin,
    PreviewableMixin,
    LockableMixin,
    DraftStateMixin,
    RevisionMixin,
    FoldedSearchMixin,
    index.Indexed,
    ClusterableModel,
):
    """A business in the "Vì phúc lợi đoàn viên" programme and the offer it gives members."""

    name = text(_("Tên đối tác"), _("Tên giao dịch của doanh nghiệp, ví dụ: Siêu thị ABC."))
    slug = models.SlugField(
        _("Đường dẫn"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_(
            "Phần cuối địa chỉ trang đối tác (chữ không dấu, gạch nối). Bỏ trống để tạo từ tên."
        ),
    )
    logo = optional_image(
        _("Logo"),
        _(
            "Logo trên nền trắng hoặc trong suốt (PNG), rộng ít nhất 240 px. Chỉ đối tác có logo "
            "mới hiện ở dải logo chân trang."
        ),
    )
    sector = choice(
        _("Lĩnh vực"),
        _("Lĩnh vực kinh doanh, dùng cho bộ lọc của danh bạ đối tác."),
        Sector,
        default=Sector.RETAIL,
    )
    offer_summary = text(
        _("Ưu đãi (tóm tắt)"),
        _(
            "Một câu nói rõ ưu đãi, hiện trên thẻ đối tác. Ví dụ: Giảm 10% hóa đơn mua hàng "
            "cho đoàn viên và người thân."
        ),
        max_length=300,
    )
    offer_details = optional_rich_text(
        _("Chi tiết ưu đãi"),
        _("Mặt hàng, dịch vụ áp dụng; điều kiện; trường hợp không áp dụng."),
        lists=True,
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
    discount_text = optional_text(
        _("Mức ưu đãi (diễn giải)"),
        _(
            "Dùng thay cho phần trăm khi ưu đãi khác, ví dụ: Miễn phí khám lần đầu. "
            "Nếu điền, dòng này được hiện thay cho phần trăm."
        ),
        max_length=120,
    )
    for_members, for_family, for_children = switches(BENEFICIARIES)
    claim_union_card, claim_code, claim_phone, claim_evoucher = switches(CLAIM_METHODS)
    claim_instructions = optional_long_text(
        _("Các bước nhận ưu đãi"), _("Mỗi bước một dòng, viết ngắn để đọc trên điện thoại.")
    )
    scope = choice(
        _("Phạm vi áp dụng"),
        _(
            "Toàn quốc; theo tỉnh/thành phố (chọn các tỉnh bên dưới); hoặc theo ngành (chỉ đoàn "
            "viên một ngành)."
        ),
        Scope,
        default=Scope.NATIONWIDE,
        max_length=12,
    )
    provinces = ParentalManyToManyField(
        Province,
        verbose_name=_("Tỉnh/thành phố áp dụng"),
        blank=True,
        related_name="partners",
        help_text=_("Bắt buộc khi phạm vi là theo tỉnh/thành phố. Danh sách 34 tỉnh, thành phố."),
    )
    scope_sector = optional_text(
        _("Ngành áp dụng"), _("Khi phạm vi là theo ngành, ví dụ: Đoàn viên ngành Giáo dục.")
    )
    signing_union = text(
        _("Công đoàn ký kết"),
        _("Cấp công đoàn đã ký thỏa thuận hợp tác với đối tác."),
        default="Công đoàn Viên chức Việt Nam",
    )
    agreement_number = optional_text(
        _("Số thỏa thuận"),
        _("Số hiệu văn bản thỏa thuận hợp tác, ví dụ 12/TTHT-CĐVC."),
        max_length=60,
    )
    valid_from = optional_date(_("Hiệu lực từ ngày"), _("Ngày thỏa thuận bắt đầu có hiệu lực."))
    valid_to = optional_date(
        _("Hiệu lực đến ngày"),
        _("Sau ngày này đối tác tự ẩn khỏi danh bạ. Bỏ trống nếu không thời hạn."),
        db_index=True,
    )
    contact_person = optional_text(_("Người liên hệ"), _("Đầu mối phía đối tác."), max_length=120)
    contact_phone = optional_text(_("Điện thoại"), _("Số tổng đài hoặc số đầu mối."), max_length=50)
    contact_email = models.EmailField(
        _("Thư điện tử"), blank=True, help_text=_("Hộp thư liên hệ của đối tác.")
    )
    website = optional_url(_("Trang web"), _("Địa chỉ trang web, bắt đầu bằng https://"))
    status = choice(
        _("Trạng thái hợp tác"),
        _(
            "Tạm dừng hoặc chấm dứt thì đối tác ẩn khỏi danh bạ mặc định và dải logo, dù còn "
            "thời hạn."
        ),
        PartnerStatus,
        default=PartnerStatus.ACTIVE,
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
        return cls.objects.public()  # a search hit shows no logo: none joined (search.hits)

    base_form_class = PartnerForm

    edit_handler = partner_edit_handler

    class Meta:
        ordering = ["name"]
        verbose_name = verbose_name_plural = _("Đối tác phúc lợi")
        indexes = [models.Index(fields=["live", "status", "valid_to"])]

    def __str__(self):
        return self.name

    def search_snippet_text(self):
        """One plain line for a search result."""
        parts = [self.get_sector_display(), self.discount_label, self.offer_summary]
        return " · ".join(str(p) for p in parts if p)

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


@receiver(post_save, sender=Partner)
@receiver(post_delete, sender=Partner)
def _partner_changed(sender, **kwargs):
    forget_partner_caches()
