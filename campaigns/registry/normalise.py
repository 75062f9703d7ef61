"""Normalising what people type: names, phone numbers, dates of birth.

Each function returns the normalised value or raises ValueError with a Vietnamese message that the
form shows next to the field.
"""

import datetime
import re
import unicodedata

import phonenumbers
from django.utils.translation import gettext as _

from search.text import squash

_URL_LIKE = re.compile(r"(://|\bwww\b|\w\.\w{2,}|@)", re.IGNORECASE)
_NAME_PUNCTUATION = set(" '’-.")
MOBILE_FIRST_DIGITS = set("35789")
MOBILE_TYPES = (
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
)


def normalise_name(value: str | None) -> str:
    name = squash(value)
    if not name:
        raise ValueError(_("Vui lòng nhập họ và tên."))
    if any(ch.isdigit() for ch in name):
        raise ValueError(_("Họ và tên không được chứa chữ số."))
    if _URL_LIKE.search(name):
        raise ValueError(_("Họ và tên không được chứa địa chỉ trang web hay thư điện tử."))
    for ch in name:
        if not (ch.isalpha() or ch in _NAME_PUNCTUATION or unicodedata.combining(ch)):
            raise ValueError(_("Họ và tên chỉ gồm chữ cái và dấu cách."))
    if len(name) < 2:
        raise ValueError(_("Họ và tên phải có ít nhất 2 ký tự."))
    if len(name) > 100:
        raise ValueError(_("Họ và tên dài tối đa 100 ký tự."))
    return name


def normalise_phone(value: str | None) -> str:
    """A Vietnamese mobile number in any common spelling → E.164 ('+84' + 9 digits)."""
    raw = squash(value)
    if not raw:
        raise ValueError(_("Vui lòng nhập số điện thoại di động."))
    if len(raw) > 30:
        raise ValueError(_("Số điện thoại không hợp lệ."))
    try:
        number = phonenumbers.parse(raw, "VN")
    except phonenumbers.NumberParseException:
        raise ValueError(
            _("Số điện thoại không hợp lệ. Ví dụ đúng: 0912 345 678 hoặc +84 912 345 678.")
        ) from None
    if number.country_code != 84:
        raise ValueError(_("Vui lòng nhập số di động Việt Nam (bắt đầu bằng 0 hoặc +84)."))
    national = str(number.national_number)
    if (
        len(national) != 9
        or national[0] not in MOBILE_FIRST_DIGITS
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number)
        not in (
            phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        )
    ):
        raise ValueError(
            _(
                "Số điện thoại phải là số di động Việt Nam: 10 chữ số, bắt đầu bằng 03, 05, 07, "
                "08 hoặc 09."
            )
        )
    return "+84" + national


def display_phone(phone: str | None) -> str:
    """+84912345678 → 0912 345 678: how Vietnamese read a mobile number."""
    if not phone or not phone.startswith("+84") or len(phone) != 12:
        return phone or ""
    digits = "0" + phone[3:]
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


def try_normalise_phone(value: str | None) -> str | None:
    """E.164 or None: for admin search, where the query may be a name."""
    try:
        return normalise_phone(value)
    except ValueError:
        return None


_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


def parse_birth_date(value: str | None, today: datetime.date) -> datetime.date:
    raw = squash(value).replace(" ", "")
    if not raw:
        raise ValueError(_("Vui lòng nhập ngày sinh."))
    match = _DATE.match(raw)
    if not match:
        raise ValueError(_("Nhập ngày sinh theo dạng ngày/tháng/năm, ví dụ 05/09/1990."))
    day, month, year = (int(part) for part in match.groups())
    try:
        born = datetime.date(year, month, day)
    except ValueError:
        raise ValueError(_("Ngày sinh không có thật, vui lòng kiểm tra lại.")) from None
    if born > today:
        raise ValueError(_("Ngày sinh không thể ở tương lai."))
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if age < 16:
        raise ValueError(
            _(
                "Người dưới 16 tuổi chưa thể tự đăng ký (cần sự đồng ý của người giám hộ): biểu "
                "mẫu này chỉ dành cho người từ 16 tuổi."
            )
        )
    if age > 100:
        raise ValueError(_("Tuổi phải từ 16 đến 100; vui lòng kiểm tra năm sinh."))
    return born
