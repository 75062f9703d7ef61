"""The full text of an official document: sections (part, chapter, section, article) that each get
an anchor and a line in the table of contents. A section may hold articles (one level down)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES, ParagraphBlock
from portal.blocks import optional_line

SECTION_KINDS = [
    ("phan", _("Phần")),
    ("chuong", _("Chương")),
    ("muc", _("Mục")),
    ("dieu", _("Điều")),
    ("khoan", _("Khoản")),
]
SECTION_KIND_LABELS = dict(SECTION_KINDS)


def section_kind(default, help_text):
    """What a section is (Phần, Chương, Mục, Điều, Khoản): shown before its number."""
    return blocks.ChoiceBlock(
        label=_("Loại"), choices=SECTION_KINDS, default=default, help_text=help_text
    )


class SubsectionBlock(blocks.StructBlock):
    kind = section_kind("dieu", _("Thường là Điều (article) trong một Chương."))
    number = optional_line(_("Số"), _("Ví dụ: 1, 2, 3 hoặc I, II."), max_length=20)
    heading = optional_line(_("Tên"), _("Ví dụ: Phạm vi điều chỉnh."), max_length=300)
    body = blocks.RichTextBlock(label=_("Nội dung"), required=False, features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ul"
        label = _("Điều / khoản")


class SectionBlock(blocks.StructBlock):
    kind = section_kind(
        "phan", _("Phần, Chương, Mục hoặc Điều: hiện trước số và tên trong mục lục.")
    )
    number = optional_line(
        _("Số"),
        _("Ví dụ: I, II hoặc 1, 2. Dùng để tạo đường dẫn tới mục (#chuong-ii)."),
        max_length=20,
    )
    heading = optional_line(_("Tên"), _("Ví dụ: Quan điểm, mục tiêu."), max_length=300)
    body = blocks.RichTextBlock(label=_("Nội dung"), required=False, features=RICH_TEXT_FEATURES)
    articles = blocks.ListBlock(
        SubsectionBlock(),
        label=_("Các điều trong mục"),
        default=[],
        help_text=_("Tùy chọn: các Điều nằm trong Phần/Chương này, mỗi điều có đường dẫn riêng."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Phần / Chương / Điều")
        description = _("Một phần của văn bản: có số, tên, nội dung và có thể chứa các Điều.")
        preview_value = {
            "kind": "phan",
            "number": "I",
            "heading": "Tình hình và nguyên nhân",
            "body": "<p>Đánh giá kết quả thực hiện trong nhiệm kỳ qua.</p>",
            "articles": [],
        }


def document_body_blocks():
    return [
        ("section", SectionBlock()),
        ("paragraph", ParagraphBlock(features=RICH_TEXT_FEATURES)),
    ]
