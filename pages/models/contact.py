"""ContactPage ("Liên hệ"): the office's address, phones, e-mail, opening hours and a link to a
map (a plain link: no third-party script or frame on the page)."""

from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import body_blocks
from home.page_parts import field_group
from portal.fields import optional_link, optional_long_text, optional_text, optional_url, text
from search.index import FOLDED_SEARCH_FIELDS, FoldedSearchMixin

from .content import SectionNavigationMixin


def tel_number(number):
    """A phone number as a tel: link wants it: its digits and a leading +."""
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


class ContactPage(SectionNavigationMixin, FoldedSearchMixin, Page):
    intro = optional_long_text(_("Đoạn mở đầu"), max_length=600)
    address = text(_("Địa chỉ"), _("Địa chỉ trụ sở, đủ để tìm trên bản đồ."), max_length=255)
    phone = optional_text(_("Điện thoại"), _("Ví dụ: 024 3942 1234."), max_length=50)
    hotline = optional_text(_("Đường dây nóng"), _("Tùy chọn."), max_length=50)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    hours = optional_long_text(
        _("Giờ làm việc"),
        _("Mỗi dòng một khoảng, ví dụ: Thứ Hai – Thứ Sáu: 8:00–17:00."),
        max_length=400,
    )
    map_url = optional_url(
        _("Liên kết bản đồ"),
        _(
            "Đường dẫn tới bản đồ (OpenStreetMap, Google Maps…), mở ở trang riêng. Bỏ trống: "
            "tự tạo liên kết tìm địa chỉ trên OpenStreetMap. Trang không nhúng bản đồ."
        ),
    )
    form_page = optional_link(
        "webforms.FormPage",
        _("Biểu mẫu liên hệ"),
        _("Tùy chọn: biểu mẫu góp ý, hỏi đáp để dẫn tới."),
    )
    body = StreamField(body_blocks(), verbose_name=_("Nội dung thêm"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        field_group(
            _("Thông tin liên hệ"), "address", "phone", "hotline", "email", "hours", "map_url"
        ),
        PageChooserPanel("form_page"),
        FieldPanel("body"),
    ]
    search_fields = (
        Page.search_fields
        + [index.SearchField("intro"), index.SearchField("address"), index.SearchField("body")]
        + FOLDED_SEARCH_FIELDS
    )
    folded_body_fields = ("intro", "address", "body")

    parent_page_types = ["home.HomePage", "pages.ContentPage"]
    subpage_types = ["webforms.FormPage"]

    class Meta:
        verbose_name = verbose_name_plural = _("Trang liên hệ")

    @property
    def map_link(self):
        if self.map_url:
            return self.map_url
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})

    @property
    def hours_lines(self):
        return [line.strip() for line in self.hours.splitlines() if line.strip()]

    @property
    def phone_href(self):
        return tel_number(self.phone)

    @property
    def hotline_href(self):
        return tel_number(self.hotline)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form_page = self.form_page
        context["contact_form_page"] = form_page if form_page and form_page.live else None
        return context
