"""Field builders for the declarations every app repeats: a link that may be left empty, an
optional date or moment, a line or a few lines of text, a short formatted text, an address, a
yes/no switch, a choice, a page body. Each returns the plain Django or Wagtail field (the
migrations see the same definition as if it were written out); the call says only what differs:
the label the editor reads, the help under it, and any option of the field itself.

Convention: `builder(verbose_name, help_text, **options)`, as `home.page_parts.optional_image`.
"""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField, StreamField

__all__ = [
    "choice",
    "link",
    "long_text",
    "optional_date",
    "optional_datetime",
    "optional_link",
    "optional_long_text",
    "optional_rich_text",
    "optional_text",
    "optional_url",
    "rich_text",
    "stream_body",
    "switch",
    "text",
]

# Left empty in a form, stored as NULL.
NULLABLE = {"null": True, "blank": True}


def link(
    to: Any,
    verbose_name: Any,
    help_text: Any = "",
    *,
    on_delete: Any = models.CASCADE,
    related_name: str = "+",
    **options: Any,
) -> models.ForeignKey:
    """A link to another row (a page, a document, a snippet) that must be chosen. By default,
    deleting the target deletes this row, and the target gets no reverse accessor."""
    options.update(related_name=related_name, help_text=help_text)
    return models.ForeignKey(to, on_delete, verbose_name=verbose_name, **options)


def optional_link(
    to: Any,
    verbose_name: Any,
    help_text: Any = "",
    *,
    on_delete: Any = models.SET_NULL,
    **options: Any,
) -> models.ForeignKey:
    """A link to another row (a page, a snippet, a user) that may be left empty. By default,
    deleting the target empties the link and keeps this row, and the target gets no reverse
    accessor."""
    return link(to, verbose_name, help_text, on_delete=on_delete, **NULLABLE, **options)


def optional_date(verbose_name: Any, help_text: Any = "", **options: Any) -> models.DateField:
    """A date the editor may leave empty (stored as NULL)."""
    return models.DateField(verbose_name, help_text=help_text, **NULLABLE, **options)


def optional_datetime(
    verbose_name: Any, help_text: Any = "", **options: Any
) -> models.DateTimeField:
    """A moment the editor may leave empty (stored as NULL)."""
    return models.DateTimeField(verbose_name, help_text=help_text, **NULLABLE, **options)


def text(
    verbose_name: Any, help_text: Any = "", *, max_length: int = 200, **options: Any
) -> models.CharField:
    """A line of text the editor must fill in (200 characters unless said)."""
    return models.CharField(verbose_name, max_length=max_length, help_text=help_text, **options)


def optional_text(
    verbose_name: Any, help_text: Any = "", *, max_length: int = 200, **options: Any
) -> models.CharField:
    """A line of text the editor may leave empty (stored as "")."""
    return text(verbose_name, help_text, max_length=max_length, blank=True, **options)


def long_text(verbose_name: Any, help_text: Any = "", **options: Any) -> models.TextField:
    """Text of several lines or sentences the editor must fill in."""
    return models.TextField(verbose_name, help_text=help_text, **options)


def optional_long_text(verbose_name: Any, help_text: Any = "", **options: Any) -> models.TextField:
    """Text of several lines or sentences the editor may leave empty (stored as "")."""
    return long_text(verbose_name, help_text, blank=True, **options)


def rich_text(
    verbose_name: Any, help_text: Any = "", *, lists: bool = False, **options: Any
) -> RichTextField:
    """A paragraph or two with bold, italic and links only (an introduction, a confirmation, an
    answer), and bulleted and numbered lists if `lists`, which the editor must fill in."""
    features = ["bold", "italic", "link", *(["ul", "ol"] if lists else [])]
    return RichTextField(verbose_name, features=features, help_text=help_text, **options)


def optional_rich_text(
    verbose_name: Any, help_text: Any = "", *, lists: bool = False, **options: Any
) -> RichTextField:
    """A `rich_text` the editor may leave empty."""
    return rich_text(verbose_name, help_text, lists=lists, blank=True, **options)


def optional_url(verbose_name: Any, help_text: Any = "", **options: Any) -> models.URLField:
    """An address (https://…) the editor may leave empty."""
    return models.URLField(verbose_name, help_text=help_text, blank=True, **options)


def switch(verbose_name: Any, help_text: Any = "", *, default: bool) -> models.BooleanField:
    """A yes/no box with its default."""
    return models.BooleanField(verbose_name, default=default, help_text=help_text)


def choice(
    verbose_name: Any,
    help_text: Any,
    choices: type[models.TextChoices],
    *,
    default: Any,
    max_length: int = 20,
    **options: Any,
) -> models.CharField:
    """One of a set of `TextChoices`, indexed unless said (lists and filters select on it)."""
    options.setdefault("db_index", True)
    return models.CharField(
        verbose_name,
        max_length=max_length,
        choices=choices.choices,
        default=default,
        help_text=help_text,
        **options,
    )


def stream_body(blocks: Any, help_text: Any, verbose_name: Any = None) -> StreamField:
    """A page's body of free blocks, which may be left empty."""
    return StreamField(
        blocks, verbose_name=verbose_name or _("Nội dung"), blank=True, help_text=help_text
    )
