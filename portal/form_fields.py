"""Form fields the public forms ask alike (the member sign-up, the legal question), as
`portal.fields` is for model fields: declared once, so the label, the message and the browser's
autofill hint are the same on every form."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

__all__ = ["full_name_field", "required_text"]


def required_text(
    label: Any, if_empty: Any, help_text: Any = "", *, max_length: int, **options: Any
) -> forms.CharField:
    """A text the person must give, with the Vietnamese message shown next to it when it is
    left empty (`if_empty`: what to do, e.g. "Vui lòng nhập ngày sinh.")."""
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=max_length,
        error_messages={"required": if_empty},
        **options,
    )


def full_name_field() -> forms.CharField:
    """The person's full name, which the browser may fill in (autocomplete "name")."""
    return required_text(
        _("Họ và tên"),
        _("Vui lòng nhập họ và tên."),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
