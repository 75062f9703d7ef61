"""The shops, branches and clinics where members can use a partner's offer."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from portal.fields import link, optional_text, text

from .province import Province

__all__ = ["PartnerLocation"]


class PartnerLocation(Orderable):
    """A shop, branch or clinic where members can use the offer."""

    partner = ParentalKey("campaigns.Partner", on_delete=models.CASCADE, related_name="locations")
    name = optional_text(
        _("Tên địa điểm"), _("Ví dụ: Chi nhánh Cầu Giấy. Bỏ trống nếu chỉ có một địa điểm.")
    )
    address = text(_("Địa chỉ"), _("Số nhà, đường, xã/phường."), max_length=300)
    province = link(
        Province, _("Tỉnh/thành phố"), _("Một trong 34 tỉnh, thành phố."), on_delete=models.PROTECT
    )
    phone = optional_text(_("Điện thoại"), _("Số của địa điểm này, nếu có."), max_length=50)
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
        verbose_name = verbose_name_plural = _("Địa điểm")

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
