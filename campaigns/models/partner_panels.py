"""The partner's edit form in the admin: four tabs (offer, scope and places, agreement and
contact, publishing)."""

from django import forms
from django.utils.translation import gettext_lazy as _
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

from home.page_parts import field_group

from .partner_choices import BENEFICIARIES, CLAIM_METHODS, names

__all__ = ["partner_edit_handler"]

partner_edit_handler = TabbedInterface(
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
                field_group(_("Ai được hưởng"), *names(BENEFICIARIES)),
                field_group(_("Cách nhận ưu đãi"), *names(CLAIM_METHODS), "claim_instructions"),
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
                field_group(
                    _("Liên hệ"), "contact_person", "contact_phone", "contact_email", "website"
                ),
            ],
            heading=_("Thỏa thuận và liên hệ"),
        ),
        ObjectList([PublishingPanel()], heading=_("Xuất bản")),
    ]
)
