from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page, Site

from home.page_parts import field_group, optional_image, rich_intro
from portal.fields import (
    optional_date,
    optional_link,
    optional_text,
    switch,
    text,
)
from portal.pagecache.memo import keep, recall


class HomePage(Page):
    """The site root. Its sections (news, campaigns, documents, membership progress) are filled
    by the apps that own them; a section with nothing to show is not rendered."""

    intro = rich_intro(_("Một đoạn ngắn dưới băng rôn, giới thiệu Công đoàn Viên chức Việt Nam."))

    content_panels = Page.content_panels + [
        HelpPanel(
            content=_(
                "Tên đơn vị, logo, băng rôn kỷ niệm và chân trang được sửa trong "
                "Cài đặt › Nhận diện trang. Các mục tin tức, chiến dịch, văn bản và tiến độ phát "
                "triển đoàn viên tự lấy nội dung mới nhất."
            )
        ),
        FieldPanel("intro"),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = verbose_name_plural = _("Trang chủ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from home.stored_sections import home_context

        context.update(home_context(request, self, SiteBranding.for_request(request)))
        return context


def local_today():
    """Today's date in Vietnam (TIME_ZONE)."""
    return timezone.localdate()


@register_setting(icon="site")
class SiteBranding(BaseSiteSetting):
    """Everything the header, banner and footer show: editors change it, templates only read it."""

    @classmethod
    def for_request(cls, request):
        """As Wagtail's, but remembered until the next purge (every page reads it; saving it
        purges). The admin edits the row itself (`for_site`), never this copy."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        # Remembered once its header and footer are built (home/chrome.py): a copy remembered
        # while they were stale (between a change and their rebuild on commit) would make every
        # render until the next purge build them again (7 queries and a write each).
        token, found = recall("site-branding", [(site.pk,)])
        branding = found.get(0)
        if branding is None:
            # Read with the site when the middleware found it (home/site_lookup.py), unless
            # that copy is stale: the site may have been remembered before the rebuild.
            branding = getattr(site, "branding_row", None)
            if branding is None or branding.chrome is None:
                branding = cls.for_site(site)
            if branding.chrome is not None:
                keep(token, "site-branding", (site.pk,), branding)
        branding._request = request
        setattr(request, attr_name, branding)
        return branding

    # The main menu, the footer links and the footer's partners as plain data, kept by
    # home/chrome.py when anything they show is saved (NULL: stale, built on the next read).
    chrome = models.JSONField(null=True, blank=True, editable=False)
    # The home page's news, campaigns, documents and media sections as HTML, kept by
    # home/stored_sections.py (NULL: stale; the version moves with every change).
    home_sections = models.JSONField(null=True, blank=True, editable=False)
    home_sections_version = models.PositiveIntegerField(default=0, editable=False)

    name_vi = text(
        _("Tên đơn vị (tiếng Việt)"),
        _("Hiện ở đầu trang, viết hoa như trên logo."),
        max_length=120,
        default="CÔNG ĐOÀN VIÊN CHỨC VIỆT NAM",
    )
    name_en = optional_text(
        _("Tên đơn vị (tiếng Anh)"),
        _("Dòng thứ hai dưới tên tiếng Việt."),
        max_length=120,
        default="VIETNAM PUBLIC SECTOR UNION",
    )
    logo = optional_image(
        _("Logo"),
        _("Ảnh vuông, nền trong suốt (PNG) hoặc SVG đã chuyển sang PNG; tối thiểu 256 px."),
    )
    banner_enabled = switch(
        _("Hiện băng rôn"), _("Bỏ chọn để ẩn băng rôn trên mọi trang."), default=True
    )
    banner_title = optional_text(
        _("Tiêu đề băng rôn"),
        _("Ví dụ: Chào mừng kỷ niệm 30 năm Ngày thành lập Công đoàn Viên chức Việt Nam."),
    )
    banner_text = optional_text(_("Dòng phụ của băng rôn"), _("Tùy chọn, một câu."), max_length=300)
    banner_start = optional_date(
        _("Mốc bắt đầu"), _("Ngày của sự kiện được kỷ niệm, ví dụ 02/07/1994.")
    )
    banner_end = optional_date(
        _("Mốc kỷ niệm"), _("Ngày kỷ niệm, ví dụ 02/07/2024. Hai mốc hiện cạnh nhau trên băng rôn.")
    )
    banner_show_from = optional_date(
        _("Hiện từ ngày"),
        _("Băng rôn bắt đầu hiện từ 0 giờ ngày này (giờ Việt Nam). Bỏ trống: hiện ngay."),
    )
    banner_show_until = optional_date(
        _("Hiện đến hết ngày"),
        _(
            "Băng rôn tự ẩn sau 24 giờ ngày này (giờ Việt Nam), không cần sửa lại. "
            "Bỏ trống: hiện đến khi bỏ chọn “Hiện băng rôn”."
        ),
    )
    banner_link = optional_link(
        "wagtailcore.Page",
        _("Liên kết của băng rôn"),
        _("Trang mở ra khi bấm vào băng rôn (thường là trang chiến dịch)."),
    )
    # The office, shown in every footer and on the contact page (pages.ContactPage).
    contact_address = optional_text(
        _("Địa chỉ"), _("Địa chỉ trụ sở, đủ để tìm trên bản đồ."), max_length=255
    )
    contact_phone = optional_text(_("Điện thoại"), _("Ví dụ: 024 3942 1234."), max_length=50)
    contact_email = models.EmailField(_("Thư điện tử"), blank=True, help_text=_("Hộp thư liên hệ."))
    footer_note = optional_text(
        _("Ghi chú chân trang"),
        _("Ví dụ: giấy phép, cơ quan chủ quản, ghi rõ nguồn khi trích dẫn."),
        max_length=300,
    )
    partners_heading = optional_text(
        _("Tiêu đề dải đối tác"),
        _("Tiêu đề dải logo đối tác ở chân trang; dải tự lấy các đối tác đang hiệu lực."),
        max_length=120,
        default="Đối tác chương trình “Vì phúc lợi đoàn viên”",
    )
    meta_description = optional_text(
        _("Mô tả mặc định"),
        _("Dùng cho thẻ mô tả và Open Graph khi trang không có mô tả riêng."),
        max_length=300,
    )
    og_image = optional_image(
        _("Ảnh chia sẻ mặc định"),
        _("Ảnh khi chia sẻ lên mạng xã hội nếu trang không có ảnh riêng (1200×630)."),
    )

    panels = [
        field_group(_("Tên và logo"), "name_vi", "name_en", "logo"),
        field_group(
            _("Băng rôn kỷ niệm"),
            "banner_enabled",
            "banner_title",
            "banner_text",
            "banner_start",
            "banner_end",
            "banner_show_from",
            "banner_show_until",
            "banner_link",
        ),
        field_group(
            _("Liên hệ của cơ quan (chân mọi trang và trang Liên hệ)"),
            "contact_address",
            "contact_phone",
            "contact_email",
        ),
        field_group(_("Chân trang"), "footer_note", "partners_heading"),
        field_group(_("Chia sẻ và SEO"), "meta_description", "og_image"),
    ]

    select_related = ["logo", "og_image", "banner_link"]

    class Meta:
        verbose_name = verbose_name_plural = _("Nhận diện trang")

    @property
    def show_banner(self):
        """On, with a title, and today (Vietnam time) within its display dates. Templates key the
        banner's fragments on this value, so it goes at midnight after its last day by itself."""
        if not (self.banner_enabled and self.banner_title):
            return False
        today = local_today()
        if self.banner_show_from and today < self.banner_show_from:
            return False
        return not (self.banner_show_until and today > self.banner_show_until)

    def clean(self):
        super().clean()
        if (
            self.banner_show_from
            and self.banner_show_until
            and self.banner_show_until < self.banner_show_from
        ):
            raise ValidationError(
                {"banner_show_until": _("Ngày kết thúc phải bằng hoặc sau ngày bắt đầu hiện.")}
            )
