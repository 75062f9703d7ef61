"""StreamField blocks of campaign pages. Editors combine them freely with the shared body blocks
(paragraph, heading, image, quote, table, document link: `home.blocks.body_blocks`)."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from campaigns.partner_links import PARTNER_LOGO_SPEC, partner_programme_url
from campaigns.registry_blocks import GoalBlock
from home.blocks import body_blocks
from portal.blocks import optional_heading, optional_line


class MilestoneBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Ngày"), help_text=_("Ngày của mốc, ví dụ 28/07/1929."))
    title = blocks.CharBlock(
        label=_("Tên mốc"), max_length=200, help_text=_("Ví dụ: Thành lập Công hội Đỏ Bắc Kỳ.")
    )
    text = blocks.TextBlock(
        label=_("Mô tả"), required=False, help_text=_("Một, hai câu về sự kiện.")
    )
    image = ImageChooserBlock(label=_("Ảnh"), required=False, help_text=_("Tùy chọn."))

    class Meta:
        icon = "date"
        label = _("Mốc")


class TimelineBlock(blocks.StructBlock):
    heading = optional_heading(_("Ví dụ: Chặng đường 95 năm."))
    milestones = blocks.ListBlock(
        MilestoneBlock(), label=_("Các mốc"), min_num=1, help_text=_("Theo thứ tự thời gian.")
    )

    class Meta:
        icon = "history"
        label = _("Dòng thời gian")
        template = "campaigns/blocks/timeline.html"
        description = _("Các mốc lịch sử theo thứ tự, mỗi mốc có ngày, tên, mô tả và ảnh.")
        preview_value = {
            "heading": "Chặng đường 95 năm",
            "milestones": [
                {"date": "1929-07-28", "title": "Thành lập Công hội Đỏ Bắc Kỳ", "text": ""},
                {"date": "2024-07-28", "title": "Kỷ niệm 95 năm", "text": ""},
            ],
        }


class CountdownBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Tiêu đề"),
        max_length=200,
        help_text=_("Sự kiện được đếm ngược, ví dụ: Kỷ niệm 95 năm Ngày thành lập Công đoàn."),
    )
    target_date = blocks.DateBlock(label=_("Ngày diễn ra"), help_text=_("Ngày đếm ngược tới."))
    past_text = optional_line(
        _("Dòng chữ khi đã qua ngày"), _("Bỏ trống để hiện: Sự kiện đã diễn ra ngày …")
    )

    class Meta:
        icon = "time"
        label = _("Đếm ngược")
        template = "campaigns/blocks/countdown.html"
        description = _(
            "Số ngày còn lại tới một sự kiện; hiện sẵn dạng chữ, tự đếm từng giây khi trình "
            "duyệt bật JavaScript."
        )
        preview_value = {
            "heading": "Kỷ niệm 95 năm Công đoàn Việt Nam",
            "target_date": "2024-07-28",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        target = value.get("target_date")
        days = (target - timezone.localdate()).days if target else None
        context.update(
            {
                "days_left": days,
                "is_past": days is not None and days < 0,
                "is_today": days == 0,
            }
        )
        return context


class FigureBlock(blocks.StructBlock):
    number = blocks.DecimalBlock(
        label=_("Con số"),
        max_digits=15,
        decimal_places=2,
        help_text=_("Chỉ số, không dấu chấm phân cách: 1000000."),
    )
    unit = optional_line(_("Đơn vị"), _("Ví dụ: đoàn viên, %, tỷ đồng."), max_length=60)
    label = blocks.CharBlock(
        label=_("Nhãn"), max_length=200, help_text=_("Ví dụ: Đoàn viên mới năm 2024 (mục tiêu).")
    )


class FiguresBlock(blocks.StructBlock):
    heading = optional_heading()
    items = blocks.ListBlock(FigureBlock(), label=_("Các con số"), min_num=1, max_num=8)

    class Meta:
        icon = "table"
        label = _("Con số nổi bật")
        template = "campaigns/blocks/figures.html"
        description = _("Vài con số lớn kèm đơn vị và nhãn, ví dụ 1.000.000 đoàn viên mới.")
        preview_value = {
            "heading": "Mục tiêu",
            "items": [
                {"number": "1000000", "unit": "đoàn viên", "label": "Phát triển mới năm 2024"},
                {"number": "15000000", "unit": "đoàn viên", "label": "Toàn hệ thống đến 2028"},
            ],
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("Đường dẫn video"),
        help_text=_("Dán đường dẫn YouTube (hoặc trang hỗ trợ nhúng)."),
    )
    caption = optional_line(_("Chú thích"), max_length=300)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "campaigns/blocks/video.html"
        description = _("Video nhúng từ YouTube, có chú thích; thiếu mạng thì hiện liên kết.")


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Ảnh"))
    caption = optional_line(_("Chú thích"), max_length=300)


class GalleryBlock(blocks.StructBlock):
    heading = optional_heading()
    images = blocks.ListBlock(GalleryImageBlock(), label=_("Ảnh"), min_num=2)

    class Meta:
        icon = "image"
        label = _("Bộ ảnh")
        template = "campaigns/blocks/gallery.html"
        description = _("Lưới ảnh có chú thích; bấm vào ảnh để xem ảnh lớn.")


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Chữ trên nút"), max_length=80, help_text=_("Ngắn, là một lời mời: Đăng ký ngay.")
    )
    page = blocks.PageChooserBlock(
        label=_("Trang đích"), required=False, help_text=_("Một trang trong cổng (ưu tiên).")
    )
    url = optional_line(
        _("Hoặc địa chỉ"),
        _("https://… hoặc #dang-ky để tới ô đăng ký trên chính trang này."),
        max_length=500,
    )
    note = optional_line(_("Dòng phụ"), _("Tùy chọn, dưới nút."))
    style = blocks.ChoiceBlock(
        label=_("Kiểu nút"),
        choices=[("primary", _("Nổi bật (đỏ)")), ("secondary", _("Thường (xanh)"))],
        default="primary",
    )

    class Meta:
        icon = "link"
        label = _("Nút kêu gọi")
        template = "campaigns/blocks/call_to_action.html"
        description = _("Một nút lớn dẫn tới trang đăng ký, văn bản hay trang khác.")
        preview_value = {"text": "Đăng ký tham gia Công đoàn", "url": "#dang-ky"}

    def clean(self, value):
        value = super().clean(value)
        url = (value.get("url") or "").strip()
        if bool(value.get("page")) == bool(url):
            raise ValidationError(
                _("Chọn một trang đích hoặc điền một địa chỉ (chỉ một trong hai).")
            )
        if url and not url.startswith(("https://", "http://", "/", "#", "mailto:", "tel:")):
            raise ValidationError(_("Địa chỉ phải bắt đầu bằng https://, /, #, mailto: hoặc tel:."))
        return value


class PartnerStripBlock(blocks.StructBlock):
    heading = optional_heading(_("Ví dụ: Đối tác đồng hành cùng chiến dịch."))
    partners = blocks.ListBlock(
        SnippetChooserBlock("campaigns.Partner", label=_("Đối tác")),
        label=_("Đối tác"),
        min_num=1,
        help_text=_("Đối tác đang là bản nháp, tạm dừng hoặc hết hạn sẽ không hiện."),
    )

    class Meta:
        icon = "group"
        label = _("Dải đối tác")
        template = "campaigns/blocks/partner_strip.html"
        description = _("Logo các đối tác \u201cVì phúc lợi đoàn viên\u201d do biên tập viên chọn.")

    def get_context(self, value, parent_context=None):
        from wagtail.images import get_image_model

        context = super().get_context(value, parent_context=parent_context)
        chosen = [p for p in value.get("partners") or [] if p is not None]
        # Drafts and partners not in force today are never shown on a public page.
        visible = [p for p in chosen if p.live and p.is_valid_today]
        images = get_image_model().objects.prefetch_renditions(PARTNER_LOGO_SPEC)
        prefetch_related_objects(visible, Prefetch("logo", queryset=images))
        context["partners"] = visible
        context["programme_url"] = partner_programme_url()
        return context


class SignupBlock(blocks.StructBlock):
    heading = optional_heading(
        _("Bỏ trống để dùng tiêu đề sẵn có của biểu mẫu: Đăng ký gia nhập Công đoàn.")
    )
    intro = blocks.TextBlock(
        label=_("Lời mời"),
        required=False,
        help_text=_("Một, hai câu mời người lao động đăng ký; biểu mẫu hiện ngay bên dưới."),
    )

    class Meta:
        icon = "form"
        label = _("Ô đăng ký đoàn viên")
        template = "campaigns/blocks/signup.html"
        description = _(
            "Đặt biểu mẫu đăng ký tham gia Công đoàn vào vị trí này của trang (mỗi trang một ô)."
        )


def campaign_body_blocks():
    """The blocks of a campaign page's body (a fresh list: StreamField wants its own instances).

    The shared "embed" block is replaced by VideoBlock (same job, with a caption).
    """
    shared = [(name, block) for name, block in body_blocks() if name != "embed"]
    return [
        *shared,
        ("timeline", TimelineBlock()),
        ("countdown", CountdownBlock()),
        ("figures", FiguresBlock()),
        ("video", VideoBlock()),
        ("gallery", GalleryBlock()),
        ("call_to_action", CallToActionBlock()),
        ("partner_strip", PartnerStripBlock()),
        ("signup", SignupBlock()),
        # Live progress toward a membership target (registry issue).
        ("goal", GoalBlock()),
    ]
