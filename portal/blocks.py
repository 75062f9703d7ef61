"""Block builders for the StreamField declarations every app repeats, as `portal.fields` is for
model fields: the call says only the label the editor reads, the help under it, and a length when
it is not the usual one. Each returns the plain Wagtail block with the same arguments as if it
were written out, so the migrations see no change."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

__all__ = ["optional_heading", "optional_line"]


def optional_line(label: Any, help_text: Any = None, *, max_length: int = 200) -> blocks.CharBlock:
    """A line of text the editor may leave empty (200 characters unless said)."""
    options = {"help_text": help_text} if help_text else {}
    return blocks.CharBlock(label=label, required=False, max_length=max_length, **options)


def optional_heading(help_text: Any = None) -> blocks.CharBlock:
    """The heading a block may show above its content."""
    return optional_line(_("Tiêu đề"), help_text)
