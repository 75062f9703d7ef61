"""The ask form: name, a way to reach the person, topic, question, consent; a honeypot and the
signed timestamp of the editor-built forms (webforms.forms) against bots."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.form_fields import full_name_field, required_text
from portal.form_guard import honeypot_field, token_field
from webforms.forms import TimestampedForm


class AskForm(TimestampedForm):
    full_name = full_name_field()
    contact = required_text(
        _("Số điện thoại hoặc thư điện tử"),
        _("Vui lòng cho biết cách liên hệ với bạn."),
        _("Chỉ để cán bộ tư vấn trả lời riêng cho bạn; không bao giờ được đăng."),
        max_length=254,
    )
    topic = forms.ModelChoiceField(
        label=_("Chủ đề"),
        queryset=None,
        required=False,
        empty_label=_("— Chọn chủ đề (không bắt buộc) —"),
    )
    question = required_text(
        _("Câu hỏi của bạn"),
        _("Vui lòng nhập câu hỏi."),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Cần đánh dấu ô đồng ý này để chúng tôi có thể tiếp nhận.")}
    )
    website = honeypot_field()
    form_started = token_field()

    def __init__(self, *args, topics=(), consent_text="", **kwargs):
        super().__init__(*args, **kwargs)
        from .models import LegalTopicPage

        self.fields["topic"].queryset = LegalTopicPage.objects.filter(pk__in=[t.pk for t in topics])
        self.fields["consent"].label = consent_text
