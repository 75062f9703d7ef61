"""What every editor-built form gets on top of its fields: a required consent box with the
page's consent text, a honeypot and a signed timestamp against bots (no captcha), and NFC text."""

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from portal.form_guard import HONEYPOT, TOKEN_MESSAGES, GuardedForm, honeypot_field, token_field
from search.text import nfc

TIMESTAMP_SALT = "webforms.started"
STARTED = "form_started"
CONSENT = "consent"
RESERVED_NAMES = frozenset({HONEYPOT, STARTED, CONSENT, "csrfmiddlewaretoken"})


def new_form_token():
    """A signed timestamp of when the form was shown."""
    return signing.dumps(timezone.now().timestamp(), salt=TIMESTAMP_SALT)


def check_form_token(token):
    """Raise ValidationError unless `token` was signed between the form's maximum age and the
    minimum time a person needs to fill it."""
    max_age = getattr(settings, "WEBFORMS_MAX_AGE", 24 * 60 * 60)
    try:
        started = float(signing.loads(token or "", salt=TIMESTAMP_SALT, max_age=max_age))
    except signing.SignatureExpired:
        raise forms.ValidationError(TOKEN_MESSAGES["expired"], code="expired") from None
    except (signing.BadSignature, TypeError, ValueError):
        raise forms.ValidationError(TOKEN_MESSAGES["bad"], code="bad_token") from None
    if timezone.now().timestamp() - started < getattr(settings, "WEBFORMS_MIN_FILL_SECONDS", 2):
        raise forms.ValidationError(TOKEN_MESSAGES["too_fast"], code="too_fast")


DEFAULT_CONSENT = _(
    "Tôi đồng ý để Công đoàn Viên chức Việt Nam dùng các thông tin trên cho mục đích của biểu "
    "mẫu này và xóa chúng khi hết thời hạn lưu trữ."
)


class TimestampedForm(GuardedForm):
    """A form guarded by a honeypot and a signed timestamp (`form_started`), whose text answers
    are kept in NFC: the editor-built forms and the legal ask form."""

    started_name = STARTED

    def new_token(self):
        return new_form_token()

    def clean_form_started(self):
        token = self.cleaned_data.get(STARTED) or ""
        check_form_token(token)
        return token

    def clean(self):
        """Every text answer kept in NFC and trimmed, whichever keyboard typed it."""
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = nfc(value).strip()
        return cleaned


class ProtectedForm(TimestampedForm, BaseForm):
    """Base class of the form builder's generated forms (FormPage.get_form_class)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[CONSENT] = forms.BooleanField(
            label=getattr(self.page, "consent_text", "") or DEFAULT_CONSENT,
            error_messages={
                "required": _("Cần đánh dấu ô đồng ý này để chúng tôi có thể tiếp nhận.")
            },
        )
        self.fields[HONEYPOT] = honeypot_field()
        self.fields[STARTED] = token_field()
        for field in self.fields.values():
            if field.required and not isinstance(field, forms.BooleanField):
                field.error_messages["required"] = _("Vui lòng điền ô này.")

    def visible_parts(self):
        """(bound field, kind) of the editor's fields then the consent box, for the template:
        kind is "choice" (a group of radios or tick boxes), "checkbox" or "" (one input)."""
        parts = []
        for name, field in self.fields.items():
            if name in (HONEYPOT, STARTED):
                continue
            widget = field.widget
            if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
                kind = "choice"
            elif isinstance(widget, forms.CheckboxInput):
                kind = "checkbox"
            else:
                kind = ""
            parts.append((self[name], kind))
        return parts

    def answers(self):
        """What the submission stores: the editor's fields only (never the consent box,
        honeypot, timestamp or CSRF token)."""
        return {
            name: value for name, value in self.cleaned_data.items() if name not in RESERVED_NAMES
        }


class ProtectedFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("WagtailForm", (ProtectedForm,), self.formfields)
