"""ContactPage ("Liên hệ"): the office's address, phones, e-mail, opening hours and a link to a
map (a plain link: no third-party script or frame on the page)."""

from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import body_blocks
from search.index import FOLDED_SEARCH_FIELDS, FoldedSearchMixin

from .content import SectionNavigationMixin


class ContactPage(SectionNavigationMixin, FoldedSearchMixin, Page):
    intro = models.TextField(_("Đoạn mở đầu"), max_length=600, blank=True)
    address = models.CharField(
        _("Địa chỉ"), max_length=255, help_text=_("Địa chỉ trụ sở, đủ để tìm trên bản đồ.")
    )
    phone = models.CharField(
        _("Điện thoại"), max_length=50, blank=True, help_text=_("Ví dụ: 024 3942 1234.")
    )
    hotline = models.CharField(
        _("Đường dây nóng"), max_length=50, blank=True, help_text=_("Tùy chọn.")
    )
    email = models.EmailField(_("Thư điện tử"), blank=True)
    hours = models.TextField(
        _("Giờ làm việc"),
        max_length=400,
        blank=True,
        help_text=_("Mỗi dòng một khoảng, ví dụ: Thứ Hai – Thứ Sáu: 8:00–17:00."),
    )
    map_url = models.URLField(
        _("Liên kết bản đồ"),
        blank=True,
        help_text=_(
            "Đường dẫn tới bản đồ (OpenStreetMap, Google Maps…), mở ở trang riêng. Bỏ trống: "
            "tự tạo liên kết tìm địa chỉ trên OpenStreetMap. Trang không nhúng bản đồ."
        ),
    )
    form_page = models.ForeignKey(
        "webforms.FormPage",
        verbose_name=_("Biểu mẫu liên hệ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tùy chọn: biểu mẫu góp ý, hỏi đáp để dẫn tới."),
    )
    body = StreamField(body_blocks(), verbose_name=_("Nội dung thêm"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("hotline"),
                FieldPanel("email"),
                FieldPanel("hours"),
                FieldPanel("map_url"),
            ],
            _("Thông tin liên hệ"),
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
        verbose_name = _("Trang liên hệ")
        verbose_name_plural = _("Trang liên hệ")

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
        return "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def hotline_href(self):
        return "".join(ch for ch in self.hotline if ch.isdigit() or ch == "+")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.navigation_context(request))
        form_page = self.form_page
        context["contact_form_page"] = form_page if form_page and form_page.live else None
        return context
