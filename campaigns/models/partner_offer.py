"""A partner's offer in words a member understands: the discount, who may use it, how to claim
it, where it applies and whether it is in force today."""

from django.utils.translation import gettext_lazy as _

from .partner_choices import BENEFICIARIES, CLAIM_METHODS, PartnerStatus, Scope
from .partner_queries import today

__all__ = ["PartnerOfferMixin"]


class PartnerOfferMixin:
    """Derived values of `Partner` (kept apart from its fields)."""

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
        return [row.label for row in BENEFICIARIES if getattr(self, row.name)]

    @property
    def claim_methods(self):
        return [row.label for row in CLAIM_METHODS if getattr(self, row.name)]

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
