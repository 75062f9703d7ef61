"""Demo content of the campaigns issue: the campaign list and three campaigns of 2024, the
"Vì phúc lợi đoàn viên" programme page and sample partners.

Every partner here is SAMPLE DATA: invented names marked "(dữ liệu mẫu)", never a real company
with a made-up offer. Idempotent: what exists is left alone, so a second run changes nothing.
"""

import random
from datetime import date

from PIL import ImageFont

from home.demo_utils import draw_scene, ensure_image

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


def _say(stdout, message):
    if stdout is not None:
        stdout.write(message)


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


# --- the sample partners --------------------------------------------------------------------

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
    from django.utils.text import slugify

    from campaigns.models import Partner, PartnerLocation, Province
    from search.text import fold

    name = f"{spec['name']} {SAMPLE_SUFFIX}"
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
    partner = Partner(
        name=name,
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
        **fields,
    )
    partner.provinces = list(Province.objects.filter(code__in=spec.get("provinces", [])))
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
    partner.locations = locations
    partner.save()
    revision = partner.save_revision(log_action=False)
    if not spec.get("draft"):
        revision.publish(log_action=False)
    return partner


# --- campaigns ------------------------------------------------------------------------------


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def campaign_95_years(image_ids, partner_ids):
    return {
        "title": "Kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam",
        "slogan": "95 năm Công đoàn Việt Nam – một chặng đường đồng hành cùng người lao động",
        "start_date": date(2024, 3, 1),
        "end_date": date(2024, 7, 28),
        "location": "Hà Nội",
        "attendance": "ket-hop",
        "featured": True,
        "intro": (
            "<p>Ngày 28/7/1929, tổ chức Công đoàn Việt Nam ra đời tại Hà Nội. Chín mươi lăm năm "
            "sau, các cấp công đoàn cả nước kỷ niệm ngày truyền thống bằng những việc làm thiết "
            "thực cho đoàn viên, người lao động.</p>"
        ),
        "tags": ["95 năm Công đoàn Việt Nam", "Công đoàn Việt Nam", "phát triển đoàn viên"],
        "body": [
            {
                "type": "countdown",
                "value": {
                    "heading": "Lễ kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam",
                    "target_date": "2024-07-28",
                    "past_text": "Lễ kỷ niệm đã diễn ra ngày 28/7/2024.",
                },
            },
            {
                "type": "timeline",
                "value": {
                    "heading": "Những mốc đáng nhớ",
                    "milestones": [
                        {
                            "date": "1929-07-28",
                            "title": "Công đoàn Việt Nam ra đời",
                            "text": "Tổ chức công đoàn đầu tiên của giai cấp công nhân Việt Nam "
                            "được thành lập tại Hà Nội.",
                            "image": image_ids[0],
                        },
                        {
                            "date": "2023-12-01",
                            "title": "Đại hội XIII Công đoàn Việt Nam",
                            "text": "Đại hội họp từ ngày 1 đến 3/12/2023 tại Hà Nội, mở ra "
                            "nhiệm kỳ 2023–2028.",
                            "image": None,
                        },
                        {
                            "date": "2024-03-15",
                            "title": "Hội nghị lần thứ 4 Ban Chấp hành khóa XIII",
                            "text": "Bàn các hoạt động kỷ niệm 95 năm và Tháng Công nhân 2024, "
                            "đặt mục tiêu thêm một triệu đoàn viên trong năm.",
                            "image": None,
                        },
                        {
                            "date": "2024-07-28",
                            "title": "Kỷ niệm 95 năm",
                            "text": "Các cấp công đoàn tổ chức lễ kỷ niệm và tôn vinh đoàn viên "
                            "tiêu biểu.",
                            "image": None,
                        },
                    ],
                },
            },
            {
                "type": "figures",
                "value": {
                    "heading": "Mục tiêu phát triển đoàn viên",
                    "items": [
                        {
                            "number": "1000000",
                            "unit": "đoàn viên",
                            "label": "Kết nạp mới trong năm 2024",
                        },
                        {
                            "number": "15000000",
                            "unit": "đoàn viên",
                            "label": "Trong toàn hệ thống đến cuối năm 2028",
                        },
                    ],
                },
            },
            {
                "type": "quote",
                "value": {
                    "text": "Mỗi đoàn viên mới là thêm một người lao động được tổ chức Công "
                    "đoàn đại diện và bảo vệ.",
                    "attribution": "Lời kêu gọi của chiến dịch (nội dung mẫu)",
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "text": "Đăng ký tham gia Công đoàn",
                    "page": None,
                    "url": "#dang-ky",
                    "note": "Chỉ mất khoảng hai phút trên điện thoại.",
                    "style": "primary",
                },
            },
            {
                "type": "partner_strip",
                "value": {
                    "heading": "Đối tác đồng hành (dữ liệu mẫu)",
                    "partners": partner_ids[:3],
                },
            },
            {
                "type": "signup",
                "value": {
                    "heading": "Đăng ký tham gia Công đoàn",
                    "intro": "Người lao động từ đủ 16 tuổi có thể đăng ký trực tuyến; công đoàn "
                    "cơ sở nơi bạn làm việc sẽ liên hệ để xét kết nạp.",
                },
            },
        ],
    }


def campaign_workers_month(image_ids, partner_ids):
    return {
        "title": "Tháng Công nhân năm 2024",
        "slogan": "Tháng Công nhân 2024: chăm lo việc làm, đời sống và an toàn cho người lao động",
        "start_date": date(2024, 5, 1),
        "end_date": date(2024, 5, 31),
        "location": "",
        "featured": True,
        "intro": (
            "<p>Tháng 5 hằng năm, công đoàn các cấp tổ chức Tháng Công nhân: thăm hỏi, hỗ trợ "
            "người lao động, đối thoại về việc làm và tiền lương, phát triển đoàn viên và công "
            "đoàn cơ sở.</p>"
        ),
        "tags": ["Tháng Công nhân", "Công đoàn Việt Nam"],
        "body": [
            {
                "type": "countdown",
                "value": {
                    "heading": "Khai mạc Tháng Công nhân 2024",
                    "target_date": "2024-05-01",
                    "past_text": "",
                },
            },
            {
                "type": "timeline",
                "value": {
                    "heading": "Lịch hoạt động",
                    "milestones": [
                        {
                            "date": "2024-05-01",
                            "title": "Phát động Tháng Công nhân",
                            "text": "Công đoàn các cấp đồng loạt ra quân.",
                            "image": None,
                        },
                        {
                            "date": "2024-05-15",
                            "title": "Đối thoại với người lao động",
                            "text": "Lắng nghe ý kiến về việc làm, thu nhập, an toàn lao động.",
                            "image": None,
                        },
                        {
                            "date": "2024-05-31",
                            "title": "Tổng kết",
                            "text": "Biểu dương tập thể, cá nhân tiêu biểu.",
                            "image": None,
                        },
                    ],
                },
            },
            {
                "type": "gallery",
                "value": {
                    "heading": "Hình ảnh hoạt động (ảnh minh họa)",
                    "images": [
                        {"image": image_ids[1], "caption": "Lễ phát động (ảnh minh họa)"},
                        {"image": image_ids[2], "caption": "Đối thoại (ảnh minh họa)"},
                    ],
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "text": "Xem ưu đãi cho đoàn viên",
                    "page": None,
                    "url": "/vi-phuc-loi-doan-vien/",
                    "note": "",
                    "style": "secondary",
                },
            },
        ],
    }


def campaign_30_years(image_ids, partner_ids):
    return {
        "title": "Công đoàn Viên chức Việt Nam: 30 năm xây dựng và trưởng thành (1994–2024)",
        "slogan": "Ba mươi năm đồng hành cùng cán bộ, công chức, viên chức cả nước",
        "start_date": date(2024, 1, 1),
        "end_date": date(2024, 7, 2),
        "location": "Hà Nội",
        "featured": True,
        "intro": (
            "<p>Công đoàn Viên chức Việt Nam được thành lập ngày 2/7/1994. Năm 2024, đánh dấu "
            "ba mươi năm xây dựng và trưởng thành, công đoàn các cấp trong khối tổ chức nhiều "
            "hoạt động hướng về đoàn viên.</p>"
        ),
        "tags": ["30 năm Công đoàn Viên chức Việt Nam", "Công đoàn Viên chức"],
        "body": [
            {
                "type": "countdown",
                "value": {
                    "heading": "Lễ kỷ niệm 30 năm Ngày thành lập",
                    "target_date": "2024-07-02",
                    "past_text": "",
                },
            },
            {
                "type": "timeline",
                "value": {
                    "heading": "Ba mươi năm",
                    "milestones": [
                        {
                            "date": "1994-07-02",
                            "title": "Thành lập Công đoàn Viên chức Việt Nam",
                            "text": "Tổ chức công đoàn của cán bộ, công chức, viên chức ra đời.",
                            "image": image_ids[2],
                        },
                        {
                            "date": "2024-07-02",
                            "title": "Kỷ niệm 30 năm",
                            "text": "Lễ kỷ niệm và tôn vinh những tập thể, cá nhân tiêu biểu.",
                            "image": None,
                        },
                    ],
                },
            },
            {
                "type": "signup",
                "value": {
                    "heading": "Trở thành đoàn viên",
                    "intro": "Đăng ký để công đoàn cơ sở nơi bạn công tác liên hệ kết nạp.",
                },
            },
        ],
    }


CAMPAIGNS = [
    ("95-nam-cong-doan-viet-nam", campaign_95_years, 95),
    ("thang-cong-nhan-2024", campaign_workers_month, 5),
    ("30-nam-cong-doan-vien-chuc-viet-nam", campaign_30_years, 30),
]


def ensure_campaign(index_page, slug, build, image_ids, partner_ids, hero):
    from campaigns.models import CampaignPage

    existing = index_page.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    data = build(image_ids, partner_ids)
    tags = data.pop("tags")
    page = CampaignPage(slug=slug, hero_image=hero, **data)
    page.tags.add(*tags)
    index_page.add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    page.refresh_from_db()
    return page, True


def load(home, stdout=None):
    from campaigns.models import CampaignIndexPage, Partner, PartnerProgramPage, Province
    from home.demo_utils import ensure_child_page

    Province.ensure_all()

    _programme, created = ensure_child_page(
        home,
        PartnerProgramPage,
        "vi-phuc-loi-doan-vien",
        title="Vì phúc lợi đoàn viên",
        show_in_menus=True,
        intro=(
            "<p>Chương trình <b>“Vì phúc lợi đoàn viên”</b>: công đoàn ký thỏa thuận với doanh "
            "nghiệp để đoàn viên được giảm giá, dùng dịch vụ ưu đãi tại siêu thị, bệnh viện, "
            "khu nghỉ dưỡng, hãng vận tải, cơ sở giáo dục…, thường từ 10% đến 50%.</p>"
            "<p>Chọn tỉnh, thành phố nơi bạn sống để xem đối tác gần bạn và cách nhận ưu đãi. "
            "<b>Các đối tác dưới đây là dữ liệu mẫu để trình diễn.</b></p>"
        ),
        search_description=(
            "Danh bạ đối tác giảm giá cho đoàn viên công đoàn theo tỉnh, thành phố và lĩnh vực."
        ),
    )
    if created:
        _say(stdout, "Trang Vì phúc lợi đoàn viên: đã tạo.")

    created_partners = 0
    for index, spec in enumerate(SAMPLE_PARTNERS):
        if ensure_partner(spec, index) is not None:
            created_partners += 1
    if created_partners:
        _say(stdout, f"Đối tác mẫu: đã tạo {created_partners}.")
    partner_ids = list(
        Partner.objects.current().filter(name__endswith=SAMPLE_SUFFIX).values_list("pk", flat=True)
    )

    index_page, created = ensure_child_page(
        home,
        CampaignIndexPage,
        "chien-dich",
        title="Chiến dịch",
        show_in_menus=True,
        intro=(
            "<p>Các chiến dịch, phong trào của Công đoàn Viên chức Việt Nam và Công đoàn Việt "
            "Nam: kỷ niệm ngày truyền thống, Tháng Công nhân, phát triển đoàn viên.</p>"
        ),
    )
    if created:
        _say(stdout, "Trang Chiến dịch: đã tạo.")

    # Three distinct pictures: each campaign its own colours and scene.
    scenes = (
        (1, 1929, ((140, 20, 30), (242, 201, 76), (255, 236, 170)), "lễ kỷ niệm, cờ đỏ sao vàng"),
        (2, 2024, ((20, 110, 70), (240, 140, 30), (250, 220, 120)), "công nhân trong hội trường"),
        (3, 1994, ((10, 61, 124), (20, 150, 170), (242, 201, 76)), "hội nghị viên chức"),
    )
    images = [
        ensure_image(
            f"Ảnh minh họa chiến dịch {n}",
            draw_scene(seed, palette=palette),
            alt=f"Ảnh minh họa: {subject}",
        )
        for n, seed, palette, subject in scenes
    ]
    image_ids = [image.pk for image in images]
    heroes = {95: images[0], 5: images[1], 30: images[2]}
    for slug, build, key in CAMPAIGNS:
        _page, created = ensure_campaign(
            index_page, slug, build, image_ids, partner_ids, heroes[key]
        )
        if created:
            _say(stdout, f"Chiến dịch {slug}: đã tạo.")
    return index_page


# --- bulk partners for benchmarks -----------------------------------------------------------


def generate_partners(n, seed=2024, stdout=None):
    """Create `n` more sample partners (marked as sample data), spread over sectors, scopes and
    provinces. Returns how many were created; existing ones (same slug) are skipped."""
    from campaigns.models import Partner, PartnerLocation, Province, Scope, Sector

    Province.ensure_all()
    rng = random.Random(seed)
    provinces = list(Province.objects.all())
    logos = [partner_logo(chr(ord("A") + i % 26), i) for i in range(12)]
    sectors = [value for value, _label in Sector.choices]
    created = 0
    for i in range(1, n + 1):
        slug = f"doi-tac-mau-{seed}-{i}"
        if Partner.objects.filter(slug=slug).exists():
            continue
        scope = rng.choice([Scope.NATIONWIDE, Scope.PROVINCE, Scope.PROVINCE, Scope.SECTOR])
        low = rng.choice([5, 10, 15, 20, 30])
        partner = Partner(
            name=f"Đối tác mẫu số {i} {SAMPLE_SUFFIX}",
            slug=slug,
            logo=rng.choice(logos),
            sector=rng.choice(sectors),
            offer_summary=f"Giảm {low}% cho đoàn viên (ưu đãi giả định để thử hiệu năng).",
            discount_min=low,
            discount_max=low + rng.choice([0, 5, 10, 20]),
            for_family=rng.random() < 0.5,
            for_children=rng.random() < 0.3,
            claim_code=rng.random() < 0.3,
            claim_phone=rng.random() < 0.3,
            scope=scope,
            scope_sector="Đoàn viên ngành Y tế" if scope == Scope.SECTOR else "",
            valid_from=date(2024, 1, 1),
            valid_to=date(2029, 12, 31) if rng.random() < 0.85 else date(2024, 12, 31),
            agreement_number=f"{i}/TTHT-MAU",
        )
        chosen = rng.sample(provinces, 2)
        if scope == Scope.PROVINCE:
            partner.provinces = chosen
        partner.locations = [
            PartnerLocation(address=f"Số {i} đường Mẫu", province=chosen[0]),
        ]
        partner.save()
        created += 1
    _say(stdout, f"Đối tác mẫu: đã sinh {created}.")
    return created
