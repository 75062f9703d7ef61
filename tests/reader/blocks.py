"""A value for every block of a StreamField, filled in the way an editor would (every optional
field too), so that each block's template is rendered with everything it can show."""

import datetime
from decimal import Decimal

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

VIDEO_URL = "https://www.youtube.com/watch?v=mau-video-cong-doan"


def _stored_embed():
    """The embed the sample uses, stored as Wagtail's embed finder stores one (no network)."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    Embed.objects.get_or_create(
        hash=get_embed_hash(VIDEO_URL, None, None),
        defaults={
            "url": VIDEO_URL,
            "type": "video",
            "html": '<iframe title="Video mẫu" src="https://www.youtube-nocookie.com/embed/x"'
            ' width="640" height="360"></iframe>',
            "title": "Video mẫu về Công đoàn",
            "width": 640,
            "height": 360,
        },
    )
    return VIDEO_URL


def sample_raw(block):
    """The stored (JSON) form of a filled-in value for `block`."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    if isinstance(block, blocks.StructBlock):
        return {name: sample_raw(child) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock):
        minimum = max(block.meta.min_num or 0, 2)
        return [sample_raw(block.child_block) for _ in range(minimum)]
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": name, "value": sample_raw(child)} for name, child in block.child_blocks.items()
        ]
    if isinstance(block, EmbedBlock):
        return _stored_embed()
    if isinstance(block, TableBlock):
        return {
            "data": [["Năm", "Đoàn viên mới"], ["2023", "1.200"], ["2024", "1.350"]],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Kết quả phát triển đoàn viên",
        }
    if isinstance(block, ImageChooserBlock):
        return get_image_model().objects.order_by("pk").values_list("pk", flat=True).first()
    if isinstance(block, DocumentChooserBlock):
        return get_document_model().objects.order_by("pk").values_list("pk", flat=True).first()
    if isinstance(block, SnippetChooserBlock):
        return block.target_model.objects.order_by("pk").values_list("pk", flat=True).first()
    if isinstance(block, blocks.PageChooserBlock):
        models = block.target_models
        pages = Page.objects.live().type(*models) if models else Page.objects.live()
        return pages.exclude(depth=1).order_by("path").values_list("pk", flat=True).first()
    if isinstance(block, blocks.ChoiceBlock):
        choices = [value for value, _label in block.field.choices if value]
        return block.get_default() or choices[0]
    if isinstance(block, blocks.BooleanBlock):
        return True
    if isinstance(block, blocks.DateBlock):
        return datetime.date(2029, 7, 28).isoformat()
    if isinstance(block, blocks.DateTimeBlock):
        return "2029-07-28T09:00:00"
    if isinstance(block, blocks.IntegerBlock):
        return 12
    if isinstance(block, blocks.DecimalBlock | blocks.FloatBlock):
        return str(Decimal("12.5"))
    if isinstance(block, blocks.URLBlock):
        return "https://congdoan.example.vn/"
    if isinstance(block, blocks.EmailBlock):
        return "lienhe@example.vn"
    if isinstance(block, blocks.RichTextBlock):
        return "<p>Đoạn văn mẫu có <b>chữ đậm</b> và <i>chữ nghiêng</i>.</p>"
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return "Nội dung mẫu của biên tập viên"
    if isinstance(block, blocks.RawHTMLBlock):
        return "<p>Mã nhúng mẫu</p>"
    raise TypeError(
        f"No sample value for {type(block).__name__}; add one in tests/reader/blocks.py"
    )


def sample_stream(stream_block):
    """Every child block of a StreamField once, as a StreamValue ready to assign to the field."""
    raw = [
        {"type": name, "value": sample_raw(child)}
        for name, child in stream_block.child_blocks.items()
    ]
    return stream_block.to_python(raw)
