"""What a partner's offer is about: its sector, its scope, the state of its agreement, and who may
use it and how (the boolean fields shown as lists)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["BENEFICIARY_FIELDS", "CLAIM_FIELDS", "PartnerStatus", "Scope", "Sector"]


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


BENEFICIARY_FIELDS = (
    ("for_members", _("Đoàn viên")),
    ("for_family", _("Người thân của đoàn viên")),
    ("for_children", _("Con của đoàn viên")),
)
CLAIM_FIELDS = (
    ("claim_union_card", _("Xuất trình thẻ đoàn viên")),
    ("claim_code", _("Nhập mã ưu đãi")),
    ("claim_phone", _("Đăng nhập bằng số điện thoại")),
    ("claim_evoucher", _("Phiếu ưu đãi điện tử (e-voucher)")),
)
