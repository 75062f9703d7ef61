"""The sign-up page: a page type of the campaigns app that only places the registry's form
(campaigns/registry/). The registry's data lives in the `registry` app."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.models import Page

from campaigns.registry.pages import SignupFormPageMixin
from home.page_parts import rich_intro
from portal.fields import optional_rich_text

__all__ = ["SignupPage"]


class SignupPage(SignupFormPageMixin, Page):
    """`/dang-ky-doan-vien/`: the member sign-up form on its own page."""

    intro = rich_intro(
        _(
            "Vài câu trên biểu mẫu: ai có thể đăng ký, đăng ký là bước đầu để công đoàn cơ sở "
            "xem xét kết nạp."
        ),
        lists=True,
    )
    confirmation = optional_rich_text(
        _("Lời xác nhận sau khi gửi"),
        _(
            "Hiện sau khi gửi, giống nhau cho đăng ký mới và đăng ký lặp lại. Để trống để dùng "
            "lời xác nhận mặc định."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("confirmation"),
        HelpPanel(
            content=_(
                "Biểu mẫu, thông báo về dữ liệu cá nhân và các ô đồng ý được hiển thị tự động. "
                "Nội dung thông báo sửa trong mục Đăng ký đoàn viên › Thông báo dữ liệu cá nhân."
            )
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "campaigns/signup_page.html"

    class Meta:
        verbose_name = verbose_name_plural = _("Trang đăng ký đoàn viên")
