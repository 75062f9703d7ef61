"""Form fields the public forms ask alike (the member sign-up, the legal question), as
`portal.fields` is for model fields: declared once, so the label, the message and the browser's
autofill hint are the same on every form."""

from django import forms
from django.utils.translation import gettext_lazy as _

__all__ = ["full_name_field"]


def full_name_field() -> forms.CharField:
    """The person's full name, which the browser may fill in (autocomplete "name")."""
    return forms.CharField(
        label=_("Họ và tên"),
        max_length=200,
        error_messages={"required": _("Vui lòng nhập họ và tên.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
