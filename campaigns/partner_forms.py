"""The admin form of a partner: checks that involve two fields."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from campaigns.models.partner_choices import Scope

__all__ = ["PartnerForm"]


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
