"""The ask form: name, a way to reach the person, topic, question, consent; a honeypot and the
signed timestamp of the editor-built forms (webforms.forms) against bots."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from webforms.forms import HONEYPOT, STARTED, check_form_token, new_form_token


def _nfc(value):
    return unicodedata.normalize("NFC", value or "").strip()


class AskForm(forms.Form):
    full_name = forms.CharField(
        label=_("Họ và tên"),
        max_length=200,
        error_messages={"required": _("Vui lòng nhập họ và tên.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact = forms.CharField(
        label=_("Số điện thoại hoặc thư điện tử"),
        help_text=_("Chỉ để cán bộ tư vấn trả lời riêng cho bạn; không bao giờ được đăng."),
        max_length=254,
        error_messages={"required": _("Vui lòng cho biết cách liên hệ với bạn.")},
    )
    topic = forms.ModelChoiceField(
        label=_("Chủ đề"),
        queryset=None,
        required=False,
        empty_label=_("— Chọn chủ đề (không bắt buộc) —"),
    )
    question = forms.CharField(
        label=_("Câu hỏi của bạn"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Vui lòng nhập câu hỏi.")},
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Cần đánh dấu ô đồng ý này để chúng tôi có thể tiếp nhận.")}
    )
    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, topics=(), consent_text="", **kwargs):
        super().__init__(*args, **kwargs)
        from .models import LegalTopicPage

        self.fields["topic"].queryset = LegalTopicPage.objects.filter(pk__in=[t.pk for t in topics])
        self.fields["consent"].label = consent_text
        if not self.is_bound:
            self.initial[STARTED] = new_form_token()

    @property
    def is_bot(self):
        return bool(self.data.get(HONEYPOT))

    def clean_form_started(self):
        token = self.cleaned_data.get(STARTED) or ""
        check_form_token(token)
        return token

    def clean_full_name(self):
        return _nfc(self.cleaned_data["full_name"])

    def clean_contact(self):
        return _nfc(self.cleaned_data["contact"])

    def clean_question(self):
        return _nfc(self.cleaned_data["question"])

    def refresh_token(self):
        self.errors  # noqa: B018 - validate first so the errors belong to what was sent
        data = self.data.copy()
        data[STARTED] = new_form_token()
        data[HONEYPOT] = ""
        self.data = data
