"""The sample partners of the "Vì phúc lợi đoàn viên" demo and their drawn logos.

Every partner here is SAMPLE DATA: invented names marked "(dữ liệu mẫu)", never a real company
with a made-up offer.
"""

from datetime import date

from django.utils.text import slugify
from PIL import ImageFont

from campaigns.factories import PartnerFactory
from campaigns.models import Partner, PartnerLocation, Province
from home.demo_utils import ensure_image
from search.text import fold

SAMPLE_SUFFIX = "(dữ liệu mẫu)"

# Brand-ish colours for the sample logos (background, accent).
LOGO_COLOURS = [
    ((10, 61, 124), (242, 201, 76)),
    ((179, 18, 31), (255, 255, 255)),
    ((19, 108, 52), (240, 240, 200)),
    ((92, 45, 145), (255, 214, 102)),
    ((0, 122, 135), (255, 255, 255)),
    ((196, 90, 0), (255, 243, 205)),
    ((40, 40, 40), (242, 201, 76)),
    ((0, 84, 166), (170, 220, 255)),
    ((130, 20, 70), (255, 220, 230)),
    ((60, 110, 30), (230, 255, 200)),
    ((150, 100, 0), (255, 255, 255)),
    ((20, 70, 90), (200, 240, 255)),
]


def draw_partner_logo(letter, colours):
    """A flat sample logo: a coloured plate, a disc with one letter and a stripe."""
    background, accent = colours

    def draw(d, size):
        w, h = size
        d.rounded_rectangle([0, 0, w - 1, h - 1], radius=int(h * 0.18), fill=(*background, 255))
        r = h * 0.32
        cx, cy = h * 0.5, h * 0.5
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(*accent, 255))
        try:
            font = ImageFont.load_default(size=int(h * 0.42))
        except TypeError:  # Pillow without FreeType: the small bitmap font
            font = ImageFont.load_default()
        d.text((cx, cy), letter, fill=(*background, 255), font=font, anchor="mm")
        d.rectangle([h * 0.95, h * 0.42, w * 0.9, h * 0.58], fill=(*accent, 255))

    return draw


def partner_logo(letter, index):
    return ensure_image(
        f"Logo đối tác mẫu {letter} (dữ liệu mẫu)",
        draw_partner_logo(letter, LOGO_COLOURS[index % len(LOGO_COLOURS)]),
        size=(480, 200),
        fmt="PNG",
    )


SAMPLE_PARTNERS = [
    {
        "letter": "A",
        "name": "Siêu thị mẫu A",
        "sector": "sieu-thi",
        "offer_summary": "Giảm giá hóa đơn mua hàng tại quầy cho đoàn viên và người thân.",
        "discount_min": 5,
        "discount_max": 10,
        "for_family": True,
        "claim_union_card": True,
        "claim_phone": True,
        "claim_instructions": (
            "Đưa thẻ đoàn viên cho thu ngân trước khi thanh toán.\n"
            "Hoặc đọc số điện thoại đã đăng ký đoàn viên để được tích điểm và giảm giá."
        ),
        "scope": "toan-quoc",
        "locations": [
            ("Cửa hàng Đống Đa", "Số 1 phố Mẫu, phường Đống Đa", "01"),
            ("Cửa hàng Sài Gòn", "Số 2 đường Mẫu, phường Sài Gòn", "79"),
        ],
    },
    {
        "letter": "B",
        "name": "Bệnh viện mẫu B",
        "sector": "y-te",
        "offer_summary": (
            "Giảm phí khám bệnh và xét nghiệm theo yêu cầu cho đoàn viên, con của đoàn viên."
        ),
        "discount_min": 10,
        "discount_max": 20,
        "for_children": True,
        "claim_union_card": True,
        "claim_instructions": "Xuất trình thẻ đoàn viên tại quầy tiếp đón khi đăng ký khám.",
        "scope": "tinh",
        "provinces": ["01"],
        "locations": [("", "Số 10 đường Mẫu, phường Cầu Giấy", "01", 21.0333, 105.7900)],
    },
    {
        "letter": "C",
        "name": "Khu nghỉ dưỡng mẫu C",
        "sector": "du-lich",
        "offer_summary": "Giảm giá phòng nghỉ ngày thường, tặng bữa sáng cho gia đình đoàn viên.",
        "discount_min": 20,
        "discount_max": 50,
        "for_family": True,
        "for_children": True,
        "claim_union_card": False,
        "claim_code": True,
        "claim_instructions": (
            "Đặt phòng qua tổng đài, đọc mã ưu đãi do công đoàn cơ sở cung cấp.\n"
            "Mang thẻ đoàn viên khi nhận phòng."
        ),
        "scope": "tinh",
        "provinces": ["56", "68"],
        "locations": [("", "Bãi biển Mẫu, phường Nha Trang", "56")],
    },
    {
        "letter": "D",
        "name": "Hãng xe khách mẫu D",
        "sector": "van-tai",
        "offer_summary": "Giảm giá vé xe khách liên tỉnh, ưu tiên dịp Tết và kỳ nghỉ hè.",
        "discount_min": 10,
        "claim_union_card": True,
        "claim_evoucher": True,
        "claim_instructions": (
            "Đặt vé trên trang web của hãng, nhập mã e-voucher nhận qua tin nhắn."
        ),
        "scope": "toan-quoc",
    },
    {
        "letter": "E",
        "name": "Trung tâm ngoại ngữ mẫu E",
        "sector": "giao-duc",
        "offer_summary": "Giảm học phí các khóa tiếng Anh cho đoàn viên ngành Giáo dục và con em.",
        "discount_min": 30,
        "for_children": True,
        "claim_union_card": True,
        "scope": "nganh",
        "scope_sector": "Đoàn viên ngành Giáo dục",
    },
    {
        "letter": "G",
        "name": "Nhà hàng mẫu G",
        "sector": "am-thuc",
        "offer_summary": "Giảm giá thực đơn gọi món cho đoàn viên vào các ngày trong tuần.",
        "discount_min": 15,
        "for_family": True,
        "claim_union_card": True,
        "scope": "tinh",
        "provinces": ["48"],
        "locations": [("", "Số 5 đường Mẫu, phường Hải Châu", "48")],
    },
    {
        "letter": "H",
        "name": "Nha khoa mẫu H",
        "sector": "y-te",
        "offer_summary": "Miễn phí khám, tư vấn răng miệng lần đầu; giảm giá các dịch vụ điều trị.",
        "discount_text": "Miễn phí khám lần đầu, giảm 10–25% điều trị",
        "for_family": True,
        "for_children": True,
        "claim_union_card": True,
        "claim_phone": True,
        "scope": "tinh",
        "provinces": ["79", "92"],
        "locations": [
            ("Cơ sở Sài Gòn", "Số 8 đường Mẫu, phường Bến Thành", "79"),
            ("Cơ sở Cần Thơ", "Số 9 đường Mẫu, phường Ninh Kiều", "92"),
        ],
    },
    {
        "letter": "K",
        "name": "Cửa hàng điện máy mẫu K",
        "sector": "nha-o",
        "offer_summary": "Giảm giá đồ gia dụng, điện máy; trả góp không lãi suất cho đoàn viên.",
        "discount_min": 5,
        "discount_max": 15,
        "claim_union_card": False,
        "claim_evoucher": True,
        "claim_phone": True,
        "scope": "toan-quoc",
    },
    {
        "letter": "N",
        "name": "Ngân hàng mẫu N",
        "sector": "tai-chinh",
        "offer_summary": "Miễn phí chuyển tiền, ưu đãi lãi suất vay tiêu dùng cho đoàn viên.",
        "discount_text": "Miễn phí chuyển tiền trong nước",
        "claim_union_card": True,
        "claim_phone": True,
        "scope": "toan-quoc",
    },
    {
        "letter": "L",
        "name": "Công ty du lịch mẫu L",
        "sector": "du-lich",
        "offer_summary": "Giảm giá tour trong nước cho đoàn viên (thỏa thuận đã hết hạn).",
        "discount_min": 10,
        "discount_max": 15,
        "claim_code": True,
        "claim_union_card": False,
        "scope": "toan-quoc",
        "valid_from": date(2023, 1, 1),
        "valid_to": date(2024, 12, 31),
        "agreement_number": "05/TTHT-CĐVC",
    },
    {
        "letter": "M",
        "name": "Siêu thị mẫu M",
        "sector": "sieu-thi",
        "offer_summary": "Đang chuẩn bị: ưu đãi cho đoàn viên khi mua hàng trực tuyến.",
        "discount_min": 8,
        "claim_code": True,
        "scope": "tinh",
        "provinces": ["31"],
        "draft": True,
    },
]


def ensure_partner(spec, index):
    """Create one sample partner (published, or a draft) unless its slug already exists."""
    slug = slugify(fold(spec["name"]))
    if Partner.objects.filter(slug=slug).exists():
        return None
    fields = {
        key: value
        for key, value in spec.items()
        if key not in {"letter", "name", "provinces", "locations", "draft"}
    }
    fields.setdefault("valid_from", date(2024, 1, 1))
    fields.setdefault("valid_to", date(2029, 12, 31))
    fields.setdefault("agreement_number", f"{10 + index:02d}/TTHT-CĐVC")
    fields.setdefault("discount_min", None)  # not the factory's test values
    fields.setdefault("discount_max", None)
    provinces = {p.code: p for p in Province.objects.all()}
    locations = []
    for row in spec.get("locations", []):
        loc_name, address, code, *coords = row
        locations.append(
            PartnerLocation(
                name=loc_name,
                address=address,
                province=provinces[code],
                latitude=coords[0] if coords else None,
                longitude=coords[1] if coords else None,
            )
        )
    return PartnerFactory(
        name=f"{spec['name']} {SAMPLE_SUFFIX}",
        slug=slug,
        logo=partner_logo(spec["letter"], index),
        offer_details=(
            "<p>Đây là <b>dữ liệu mẫu</b> để trình diễn danh bạ đối tác; doanh nghiệp và mức "
            "ưu đãi là giả định.</p>"
        ),
        contact_phone="1900 0000",
        contact_email=f"lienhe-{slug}@example.vn",
        website=f"https://{slug}.example.vn",
        live=not spec.get("draft", False),
        provinces=spec.get("provinces", []),
        locations=locations,
        publish=True,
        log_action=False,
        **fields,
    )
