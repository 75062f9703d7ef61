"""What the public forms share against bots, instead of a captcha: a honeypot (a field hidden
from people by CSS, filled in by naive bots) and a hidden token issued when the form is shown
(refused when too old, sent too fast or tampered with). The editor-built forms and the legal ask
form sign a timestamp (webforms.forms); the member sign-up form a single-use token
(portal.limits). Each form declares its two fields with the functions below and says which
token it issues."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT = "website"

# What the person reads when the form's token is refused, by kind of refusal.
TOKEN_MESSAGES = {
    "expired": _("Biểu mẫu đã mở quá lâu. Vui lòng kiểm tra lại thông tin và bấm Gửi lần nữa."),
    "bad": _("Biểu mẫu không hợp lệ. Vui lòng kiểm tra lại thông tin và bấm Gửi lần nữa."),
    "too_fast": _("Bạn gửi nhanh quá. Vui lòng kiểm tra lại thông tin và bấm Gửi lần nữa."),
}


def honeypot_field() -> forms.CharField:
    """The honeypot: hidden from people by CSS (class honeypot), filled in by naive bots."""
    return forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


def token_field() -> forms.CharField:
    """The hidden field that carries the form's token."""
    return forms.CharField(widget=forms.HiddenInput, required=False)


class GuardedForm(forms.Form):
    """A form with a honeypot (named `honeypot_name`) and a hidden token field (`started_name`):
    shown blank, it carries a fresh token (`new_token()`); re-shown after an error, a new one."""

    honeypot_name = HONEYPOT
    started_name: str

    def new_token(self) -> str:
        raise NotImplementedError

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[self.started_name] = self.new_token()

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(self.add_prefix(self.honeypot_name)))

    def refresh_token(self) -> None:
        """After an error, give the re-shown form a new token (the errors stay)."""
        self.errors  # noqa: B018 - validate first so the errors belong to what was sent
        data = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict
        data[self.add_prefix(self.started_name)] = self.new_token()
        data[self.add_prefix(self.honeypot_name)] = ""
        self.data = data
