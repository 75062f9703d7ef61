"""Demo content of the home app: the home page, its site setting and the shared images."""

from datetime import date

from wagtail.models import Site

from .demo_utils import (
    OFFICE_ADDRESS,
    OFFICE_EMAIL,
    OFFICE_PHONE,
    draw_logo,
    ensure_image,
    update_missing,
)
from .models import HomePage, SiteBranding


def load(stdout=None):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError("The default site's root is not a HomePage; run migrations first.")

    if not home.intro:
        home.intro = (
            "<p>Cổng thông tin của Công đoàn Viên chức Việt Nam: tin hoạt động, văn bản của Đảng "
            "và của tổ chức Công đoàn, các chiến dịch và chương trình phúc lợi dành cho đoàn "
            "viên.</p>"
        )
        home.save_revision(log_action=False).publish(log_action=False)

    logo = ensure_image("Logo Công đoàn Viên chức Việt Nam", draw_logo, size=(256, 256), fmt="PNG")
    branding = SiteBranding.for_site(site)
    update_missing(
        branding,
        logo=logo,
        banner_title="Chào mừng kỷ niệm 30 năm Ngày thành lập Công đoàn Viên chức Việt Nam",
        banner_text="Ba mươi năm đồng hành cùng đội ngũ cán bộ, công chức, viên chức cả nước.",
        banner_start=date(1994, 7, 2),
        banner_end=date(2024, 7, 2),
        contact_address=OFFICE_ADDRESS,
        contact_phone=OFFICE_PHONE,
        contact_email=OFFICE_EMAIL,
        footer_note=(
            "Trang thông tin mẫu dựng để trình diễn phần mềm. Khi trích dẫn thông tin, "
            "xin ghi rõ nguồn."
        ),
        meta_description=(
            "Tin tức, văn bản và chiến dịch của Công đoàn Viên chức Việt Nam; đăng ký tham gia "
            "Công đoàn trực tuyến."
        ),
        og_image=logo,
    )
    return home
