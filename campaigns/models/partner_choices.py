"""What a partner's offer is about: its sector, its scope, the state of its agreement, and who may
use it and how (the boolean fields shown as lists)."""

from typing import Any, NamedTuple

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.fields import switch

__all__ = [
    "BENEFICIARIES",
    "CLAIM_METHODS",
    "OfferSwitch",
    "PartnerStatus",
    "Scope",
    "Sector",
    "names",
    "switches",
]


class Sector(models.TextChoices):
    RETAIL = "sieu-thi", _("Siêu thị, bán lẻ")
    HEALTH = "y-te", _("Y tế, bệnh viện")
    TRAVEL = "du-lich", _("Du lịch, nghỉ dưỡng")
    TRANSPORT = "van-tai", _("Vận tải, đi lại")
    EDUCATION = "giao-duc", _("Giáo dục, đào tạo")
    FOOD = "am-thuc", _("Ăn uống, ẩm thực")
    FINANCE = "tai-chinh", _("Ngân hàng, bảo hiểm")
    TELECOM = "vien-thong", _("Viễn thông, công nghệ")
    HOUSING = "nha-o", _("Nhà ở, đồ gia dụng")
    OTHER = "khac", _("Lĩnh vực khác")


class Scope(models.TextChoices):
    NATIONWIDE = "toan-quoc", _("Toàn quốc")
    PROVINCE = "tinh", _("Theo tỉnh/thành phố")
    SECTOR = "nganh", _("Theo ngành")


class PartnerStatus(models.TextChoices):
    ACTIVE = "dang-hop-tac", _("Đang hợp tác")
    PAUSED = "tam-dung", _("Tạm dừng")
    ENDED = "cham-dut", _("Đã chấm dứt")


class OfferSwitch(NamedTuple):
    """A yes/no field of a partner's offer: its name, the label editors and members both see,
    its help text in the edit form, and its default."""

    name: str
    label: Any
    help_text: Any
    default: bool = False

    def field(self) -> models.BooleanField:
        return switch(self.label, self.help_text, default=self.default)


# Who may use the offer, and how it is claimed: the partner's fields (`switches()`), their edit
# form groups, and the lists on the partner's page, from these rows alone.
BENEFICIARIES = (
    OfferSwitch("for_members", _("Đoàn viên"), _("Đoàn viên công đoàn được hưởng ưu đãi."), True),
    OfferSwitch(
        "for_family",
        _("Người thân của đoàn viên"),
        _("Vợ/chồng, bố mẹ của đoàn viên cũng được hưởng ưu đãi."),
    ),
    OfferSwitch("for_children", _("Con của đoàn viên"), _("Con của đoàn viên được hưởng ưu đãi.")),
)
CLAIM_METHODS = (
    OfferSwitch(
        "claim_union_card",
        _("Xuất trình thẻ đoàn viên"),
        _("Đưa thẻ đoàn viên (thẻ giấy hoặc thẻ điện tử) khi thanh toán."),
        True,
    ),
    OfferSwitch("claim_code", _("Nhập mã ưu đãi"), _("Nhập mã khi mua trực tuyến hoặc đặt chỗ.")),
    OfferSwitch(
        "claim_phone",
        _("Đăng nhập bằng số điện thoại"),
        _("Ưu đãi gắn với số điện thoại đã đăng ký đoàn viên."),
    ),
    OfferSwitch(
        "claim_evoucher",
        _("Phiếu ưu đãi điện tử (e-voucher)"),
        _("Đoàn viên nhận e-voucher qua ứng dụng hoặc tin nhắn."),
    ),
)


def switches(rows: tuple[OfferSwitch, ...]) -> tuple[models.BooleanField, ...]:
    """The fields of `rows`, in order, to unpack into the partner's class body under the same
    names (a test checks each field against its row)."""
    return tuple(row.field() for row in rows)


def names(rows: tuple[OfferSwitch, ...]) -> list[str]:
    return [row.name for row in rows]
