"""The member sign-up form: validation and normalisation, with Vietnamese messages next to the
field, a honeypot and a single-use signed token (with the time the form was shown) against bots
and replays."""

import datetime
import json
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.provinces import province_choices
from portal import limits
from portal.form_fields import full_name_field, required_text
from portal.form_guard import TOKEN_MESSAGES, GuardedForm, honeypot_field, token_field
from search.text import squash

from . import normalise
from .models import MemberSignup

VIETNAM = "VN"
OTHER = "other"
FREELANCE_LABEL = "Lao động tự do"
FORM_PURPOSE = "signup"


# Choices as callables: Django deep-copies every field for each form, and copies a list of
# choices tuple by tuple (the 35 provinces were a fifth of a sign-up POST's form work); a callable
# is copied by reference and read when the field validates or renders.
PROVINCE_CHOICES = province_choices(blank_label="— Chọn tỉnh, thành phố —")
NATIONALITY_CHOICES = [(VIETNAM, _("Việt Nam")), (OTHER, _("Quốc tịch khác"))]


def _province_choices() -> list[tuple[str, str]]:
    return PROVINCE_CHOICES


def _sex_choices() -> list[tuple[str, Any]]:
    return MemberSignup.Sex.choices


def _nationality_choices() -> list[tuple[str, Any]]:
    return NATIONALITY_CHOICES


def new_form_token(issued: float | None = None) -> str:
    """A single-use token for one showing of the form: a signed random nonce and the time the
    form was shown (portal.limits). Spent when a submission is stored (web.py)."""
    return limits.issue_token(FORM_PURPOSE, issued=issued)


class NormalisedPersonMixin:
    """The name and the phone number normalised as the registry keeps them, with a Vietnamese
    message next to the field: the public form and the staff correction form."""

    cleaned_data: dict[str, Any]

    def clean_full_name(self) -> str:
        try:
            return normalise.normalise_name(self.cleaned_data["full_name"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_phone(self) -> str:
        try:
            return normalise.normalise_phone(self.cleaned_data["phone"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None


class SignupForm(NormalisedPersonMixin, GuardedForm):
    # Tells the page's serve() that this POST is the sign-up form.
    form_name = "dang-ky-doan-vien"

    full_name = full_name_field()
    date_of_birth = required_text(
        _("Ngày sinh"),
        _("Vui lòng nhập ngày sinh."),
        _("Dạng ngày/tháng/năm, ví dụ 05/09/1990. Từ 16 tuổi trở lên."),
        max_length=20,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "placeholder": "dd/mm/yyyy", "autocomplete": "bday"}
        ),
    )
    sex = forms.ChoiceField(
        label=_("Giới tính"),
        choices=_sex_choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vui lòng chọn giới tính.")},
    )
    phone = required_text(
        _("Số điện thoại di động"),
        _("Vui lòng nhập số điện thoại di động."),
        _("Ví dụ 0912 345 678. Mỗi số điện thoại là một người đăng ký."),
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("Thư điện tử (không bắt buộc)"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ, ví dụ ten@example.com.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    province = forms.ChoiceField(
        label=_("Tỉnh, thành phố nơi làm việc"),
        choices=_province_choices,
        error_messages={
            "required": _("Vui lòng chọn tỉnh, thành phố nơi làm việc."),
            "invalid_choice": _("Vui lòng chọn một trong 34 tỉnh, thành phố trong danh sách."),
        },
    )
    commune = forms.CharField(
        label=_("Xã, phường (không bắt buộc)"), required=False, max_length=120
    )
    workplace = forms.CharField(
        label=_("Nơi làm việc"),
        help_text=_(
            "Tên cơ quan, đơn vị, doanh nghiệp. Không có hợp đồng lao động: đánh dấu ô dưới."
        ),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    freelance = forms.BooleanField(
        label=_("Tôi là lao động tự do (không có hợp đồng lao động)"), required=False
    )
    occupation = forms.CharField(
        label=_("Nghề nghiệp (không bắt buộc)"), required=False, max_length=120
    )
    grassroots_union = forms.CharField(
        label=_("Tên công đoàn cơ sở, nếu nơi làm việc đã có (không bắt buộc)"),
        required=False,
        max_length=200,
    )
    nationality = forms.ChoiceField(
        label=_("Quốc tịch"),
        choices=_nationality_choices,
        initial=VIETNAM,
        widget=forms.RadioSelect,
        error_messages={"required": _("Vui lòng chọn quốc tịch.")},
    )
    nationality_other = forms.CharField(
        label=_("Quốc tịch khác là"), required=False, max_length=100
    )
    long_contract = forms.BooleanField(
        label=_(
            "Tôi là người lao động nước ngoài có hợp đồng lao động từ 12 tháng trở lên tại Việt Nam"
        ),
        required=False,
    )
    consent_registration = forms.BooleanField(
        label=_(
            "Tôi đồng ý để Công đoàn Viên chức Việt Nam xử lý dữ liệu cá nhân trên để tiếp nhận "
            "đăng ký và chuyển đến công đoàn có thẩm quyền xem xét kết nạp (bắt buộc)."
        ),
        error_messages={
            "required": _("Cần đánh dấu ô đồng ý này để chúng tôi có thể tiếp nhận đăng ký.")
        },
    )
    consent_news = forms.BooleanField(
        label=_("Tôi muốn nhận tin hoạt động công đoàn qua SMS/thư điện tử (không bắt buộc)."),
        required=False,
    )
    website = honeypot_field()
    started = token_field()

    started_name = "started"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.token = None  # set by clean_started: the form's single-use token

    def new_token(self) -> str:
        return new_form_token()

    # --- field rules -----------------------------------------------------------------------
    def clean_date_of_birth(self) -> datetime.date:
        try:
            return normalise.parse_birth_date(
                self.cleaned_data["date_of_birth"], timezone.localdate()
            )
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_email(self) -> str:
        return squash(self.cleaned_data.get("email")).lower()

    def _clean_optional_text(self, name: str) -> str:
        return squash(self.cleaned_data.get(name))

    def clean_commune(self) -> str:
        return self._clean_optional_text("commune")

    def clean_occupation(self) -> str:
        return self._clean_optional_text("occupation")

    def clean_grassroots_union(self) -> str:
        return self._clean_optional_text("grassroots_union")

    def clean_nationality_other(self) -> str:
        return self._clean_optional_text("nationality_other")

    def clean_workplace(self) -> str:
        return self._clean_optional_text("workplace")

    def clean_started(self) -> str:
        value = self.cleaned_data.get("started") or ""
        try:
            self.token = limits.check_token(
                value,
                FORM_PURPOSE,
                max_age=getattr(settings, "REGISTRY_FORM_MAX_AGE", 24 * 60 * 60),
                min_age=getattr(settings, "REGISTRY_MIN_FILL_SECONDS", 2),
            )
        except limits.TokenError as error:
            raise forms.ValidationError(TOKEN_MESSAGES[error.code], code=error.code) from None
        return value

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if not cleaned.get("workplace"):
            if cleaned.get("freelance"):
                cleaned["workplace"] = FREELANCE_LABEL
            elif "workplace" not in self.errors:
                self.add_error(
                    "workplace",
                    _(
                        "Vui lòng nhập nơi làm việc, hoặc đánh dấu ô «Tôi là lao động tự do» nếu "
                        "không có hợp đồng lao động."
                    ),
                )
        if cleaned.get("nationality") == OTHER:
            if not cleaned.get("nationality_other"):
                self.add_error("nationality_other", _("Vui lòng ghi rõ quốc tịch."))
            if not cleaned.get("long_contract"):
                self.add_error(
                    "long_contract",
                    _(
                        "Người lao động nước ngoài cần có hợp đồng lao động từ 12 tháng trở lên "
                        "để gia nhập Công đoàn Việt Nam."
                    ),
                )
        return cleaned

    # --- what the registry keeps -----------------------------------------------------------
    def typed_data(self) -> dict[str, str]:
        """Exactly what was typed, field by field (raw, before normalisation)."""
        data = {}
        for name in TYPED_FIELDS:
            value = self.data.get(self.add_prefix(name), "")
            data[name] = value if isinstance(value, str) else str(value)
        return data

    def entry_values(self) -> dict[str, Any]:
        """The normalised values of the registry entry's personal fields."""
        c = self.cleaned_data
        is_vietnamese = c["nationality"] == VIETNAM
        return {
            "full_name": c["full_name"],
            "date_of_birth": c["date_of_birth"],
            "sex": c["sex"],
            "phone": c["phone"],
            "email": c["email"],
            "province": c["province"],
            "commune": c["commune"],
            "workplace": c["workplace"],
            "occupation": c["occupation"],
            "grassroots_union": c["grassroots_union"],
            "nationality": "Việt Nam" if is_vietnamese else c["nationality_other"],
            "long_contract_confirmed": bool(c.get("long_contract")) and not is_vietnamese,
        }

    def fingerprint(self) -> str:
        """A keyed hash of what was typed: a replay of the same content is told apart from new
        content sent with a used token."""
        return limits.fingerprint(json.dumps(self.typed_data(), sort_keys=True))


# The fields whose raw input a submission keeps, in the form's order (never the CSRF token, the
# honeypot or the form token).
TYPED_FIELDS = [name for name in SignupForm.base_fields if name not in ("website", "started")]
