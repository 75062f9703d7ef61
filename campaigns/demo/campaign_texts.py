"""The three campaigns of 2024 in the demo: their texts (our own words, from the product brief's
facts) as the fields and StreamField blocks of a campaign page."""

from datetime import date


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
