"""The three campaigns of 2024 in the demo: their texts (our own words, from the product brief's
facts) as the fields and StreamField blocks of a campaign page."""

from datetime import date

# The StreamField blocks the campaigns use more than once, as the page stores them.


def countdown(heading, target_date, past_text=""):
    value = {"heading": heading, "target_date": target_date, "past_text": past_text}
    return {"type": "countdown", "value": value}


def timeline(heading, *milestones):
    return {"type": "timeline", "value": {"heading": heading, "milestones": list(milestones)}}


def milestone(day, title, text, image=None):
    return {"date": day, "title": title, "text": text, "image": image}


def call_to_action(text, url, note="", style="primary"):
    value = {"text": text, "page": None, "url": url, "note": note, "style": style}
    return {"type": "call_to_action", "value": value}


def signup(heading, intro):
    return {"type": "signup", "value": {"heading": heading, "intro": intro}}


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
            countdown(
                "Lễ kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam",
                "2024-07-28",
                "Lễ kỷ niệm đã diễn ra ngày 28/7/2024.",
            ),
            timeline(
                "Những mốc đáng nhớ",
                milestone(
                    "1929-07-28",
                    "Công đoàn Việt Nam ra đời",
                    "Tổ chức công đoàn đầu tiên của giai cấp công nhân Việt Nam "
                    "được thành lập tại Hà Nội.",
                    image_ids[0],
                ),
                milestone(
                    "2023-12-01",
                    "Đại hội XIII Công đoàn Việt Nam",
                    "Đại hội họp từ ngày 1 đến 3/12/2023 tại Hà Nội, mở ra nhiệm kỳ 2023–2028.",
                ),
                milestone(
                    "2024-03-15",
                    "Hội nghị lần thứ 4 Ban Chấp hành khóa XIII",
                    "Bàn các hoạt động kỷ niệm 95 năm và Tháng Công nhân 2024, "
                    "đặt mục tiêu thêm một triệu đoàn viên trong năm.",
                ),
                milestone(
                    "2024-07-28",
                    "Kỷ niệm 95 năm",
                    "Các cấp công đoàn tổ chức lễ kỷ niệm và tôn vinh đoàn viên tiêu biểu.",
                ),
            ),
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
            call_to_action(
                "Đăng ký tham gia Công đoàn",
                "#dang-ky",
                note="Chỉ mất khoảng hai phút trên điện thoại.",
            ),
            {
                "type": "partner_strip",
                "value": {
                    "heading": "Đối tác đồng hành (dữ liệu mẫu)",
                    "partners": partner_ids[:3],
                },
            },
            signup(
                "Đăng ký tham gia Công đoàn",
                "Người lao động từ đủ 16 tuổi có thể đăng ký trực tuyến; công đoàn "
                "cơ sở nơi bạn làm việc sẽ liên hệ để xét kết nạp.",
            ),
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
            countdown("Khai mạc Tháng Công nhân 2024", "2024-05-01"),
            timeline(
                "Lịch hoạt động",
                milestone(
                    "2024-05-01",
                    "Phát động Tháng Công nhân",
                    "Công đoàn các cấp đồng loạt ra quân.",
                ),
                milestone(
                    "2024-05-15",
                    "Đối thoại với người lao động",
                    "Lắng nghe ý kiến về việc làm, thu nhập, an toàn lao động.",
                ),
                milestone("2024-05-31", "Tổng kết", "Biểu dương tập thể, cá nhân tiêu biểu."),
            ),
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
            call_to_action(
                "Xem ưu đãi cho đoàn viên", "/vi-phuc-loi-doan-vien/", style="secondary"
            ),
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
            countdown("Lễ kỷ niệm 30 năm Ngày thành lập", "2024-07-02"),
            timeline(
                "Ba mươi năm",
                milestone(
                    "1994-07-02",
                    "Thành lập Công đoàn Viên chức Việt Nam",
                    "Tổ chức công đoàn của cán bộ, công chức, viên chức ra đời.",
                    image_ids[2],
                ),
                milestone(
                    "2024-07-02",
                    "Kỷ niệm 30 năm",
                    "Lễ kỷ niệm và tôn vinh những tập thể, cá nhân tiêu biểu.",
                ),
            ),
            signup(
                "Trở thành đoàn viên",
                "Đăng ký để công đoàn cơ sở nơi bạn công tác liên hệ kết nạp.",
            ),
        ],
    }


CAMPAIGNS = [
    ("95-nam-cong-doan-viet-nam", campaign_95_years, 95),
    ("thang-cong-nhan-2024", campaign_workers_month, 5),
    ("30-nam-cong-doan-vien-chuc-viet-nam", campaign_30_years, 30),
]
