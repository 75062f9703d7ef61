"""ContactPage ("Liên hệ"): the office's address, phone and e-mail, opening hours and a link to a
map (a plain link: no third-party script or frame on the page).

The address, phone and e-mail are the site's own (`SiteBranding.contact_*`, Settings ›
Nhận diện trang), the ones every footer shows: one office, edited in one place. The page adds
what only it shows: a hotline, the opening hours, a map link and a contact form."""

from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import body_blocks
from home.page_parts import plain_intro
from portal.fields import optional_link, optional_long_text, optional_text, optional_url
from search.index import FOLDED_SEARCH_FIELDS, FoldedSearchMixin

from .content import SectionNavigationMixin


class ContactPage(SectionNavigationMixin, FoldedSearchMixin, Page):
    intro = plain_intro()
    hotline = optional_text(_("Đường dây nóng"), _("Tùy chọn."), max_length=50)
    hours = optional_long_text(
        _("Giờ làm việc"),
        _("Mỗi dòng một khoảng, ví dụ: Thứ Hai – Thứ Sáu: 8:00–17:00."),
        max_length=400,
    )
    map_url = optional_url(
        _("Liên kết bản đồ"),
        _(
            "Đường dẫn tới bản đồ (OpenStreetMap, Google Maps…), mở ở trang riêng. Bỏ trống: "
            "tự tạo liên kết tìm địa chỉ của cơ quan trên OpenStreetMap. Trang không nhúng bản đồ."
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
        MultiFieldPanel(
            [
                HelpPanel(
                    _(
                        "Địa chỉ, điện thoại và thư điện tử của cơ quan lấy từ Cài đặt › Nhận diện "
                        "trang, nơi sửa chúng cho cả trang này và chân mọi trang."
                    )
                ),
                FieldPanel("hotline"),
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
        + [index.SearchField("intro"), index.SearchField("body")]
        + FOLDED_SEARCH_FIELDS
    )
    folded_body_fields = ("intro", "body")

    parent_page_types = ["home.HomePage", "pages.ContentPage"]
    subpage_types = ["webforms.FormPage"]

    class Meta:
        verbose_name = verbose_name_plural = _("Trang liên hệ")

    def map_link(self, address):
        if self.map_url or not address:
            return self.map_url
        return "https://www.openstreetmap.org/search?" + urlencode({"query": address})

    @property
    def hours_lines(self):
        return [line.strip() for line in self.hours.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from home.models import SiteBranding

        context = super().get_context(request, *args, **kwargs)
        context["map_link"] = self.map_link(SiteBranding.for_request(request).contact_address)
        form_page = self.form_page
        context["contact_form_page"] = form_page if form_page and form_page.live else None
        return context
