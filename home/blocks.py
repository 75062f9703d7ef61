"""StreamField blocks shared by every page type. Page types compose BODY_BLOCKS (or a subset);
each block has a description and a preview value so editors see what they pick."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from gallery.blocks import MediaCardBlock
from portal.blocks import optional_line


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tiêu đề"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Cấp"),
        choices=[("h2", _("Tiêu đề mục (H2)")), ("h3", _("Tiêu đề nhỏ (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        template = "home/blocks/heading.html"
        description = _("Tiêu đề chia bài viết thành các mục.")
        preview_value = {"text": "Mục tiêu phát triển đoàn viên năm 2024", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Ảnh"))
    caption = optional_line(_("Chú thích"), _("Hiện dưới ảnh."), max_length=300)
    alt_text = optional_line(
        _("Mô tả ảnh cho người khiếm thị"), _("Bỏ trống để dùng mô tả của ảnh trong thư viện.")
    )
    credit = optional_line(_("Nguồn ảnh"), max_length=100)

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "home/blocks/captioned_image.html"
        description = _("Một ảnh rộng theo cột bài, có chú thích và nguồn.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = optional_line(_("Người nói"))

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "home/blocks/quote.html"
        description = _("Một câu nói nổi bật, có tên người nói.")
        preview_value = {
            "text": "Phát triển đoàn viên là nhiệm vụ trọng tâm, xuyên suốt.",
            "attribution": "Ban Chấp hành Tổng Liên đoàn",
        }


class DocumentLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(
        page_type="resolutions.ResolutionPage",
        label=_("Văn bản trong thư viện"),
        required=False,
        help_text=_("Chọn một văn bản trong thư viện văn bản (ưu tiên)."),
    )
    document = DocumentChooserBlock(
        label=_("Hoặc tệp tải lên"), required=False, help_text=_("Dùng khi văn bản chưa có trang.")
    )
    label = optional_line(_("Nhãn liên kết"), _("Bỏ trống để dùng tên."))

    class Meta:
        icon = "doc-full"
        label = _("Liên kết văn bản")
        template = "home/blocks/document_link.html"
        description = _("Liên kết tới một văn bản (ví dụ Nghị quyết 02-NQ/TW).")

    def clean(self, value):
        from django.core.exceptions import ValidationError

        value = super().clean(value)
        if not value.get("page") and not value.get("document"):
            raise ValidationError(_("Chọn một văn bản trong thư viện hoặc một tệp."))
        return value


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Đoạn văn")
        template = "home/blocks/paragraph.html"
        description = _("Văn bản có định dạng: đậm, nghiêng, liên kết, danh sách.")
        preview_value = (
            "<p>Năm 2024 là năm đầu thực hiện Nghị quyết Đại hội XIII Công đoàn Việt Nam.</p>"
        )


RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4", "hr"]


def body_blocks():
    """A fresh list of the shared body blocks (StreamField wants its own instances)."""
    return [
        ("paragraph", ParagraphBlock(features=RICH_TEXT_FEATURES)),
        ("heading", HeadingBlock()),
        ("image", CaptionedImageBlock()),
        ("quote", QuoteBlock()),
        (
            "embed",
            EmbedBlock(
                label=_("Video / nhúng"),
                icon="media",
                help_text=_("Dán đường dẫn YouTube hoặc trang hỗ trợ nhúng."),
                template="home/blocks/embed.html",
            ),
        ),
        (
            "table",
            TableBlock(label=_("Bảng"), table_options={"language": "vi"}),
        ),
        ("document_link", DocumentLinkBlock()),
        ("media", MediaCardBlock()),
    ]
