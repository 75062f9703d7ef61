"""Demo content of the pages app: "Giới thiệu" and its children, written in our own words from
the facts of the product brief. Idempotent: a page that exists (by slug) is left as it is."""

from home.demo_utils import (
    CONTACT_SLUG,
    ensure_child_page,
    ensure_image,
    h,
    p,
)

from .models import ContactPage, ContentPage, Leader, LeadershipPage, Term

ABOUT_SLUG = "gioi-thieu"


ABOUT = {
    "title": "Giới thiệu",
    "intro": (
        "Công đoàn Viên chức Việt Nam là công đoàn ngành trung ương trực thuộc Tổng Liên đoàn "
        "Lao động Việt Nam, tập hợp cán bộ, công chức, viên chức trong khu vực công."
    ),
    "body": [
        p(
            "Trang này giới thiệu ngắn gọn về tổ chức: quá trình hình thành và phát triển, "
            "chức năng và nhiệm vụ, cách tổ chức bộ máy và những người được đoàn viên tín nhiệm "
            "giao trách nhiệm lãnh đạo trong nhiệm kỳ 2023–2028."
        ),
        p(
            "Mọi thông tin trên các trang giới thiệu là nội dung mẫu dựng để trình diễn phần mềm; "
            "biên tập viên thay bằng nội dung chính thức trong trang quản trị."
        ),
    ],
}

CHILDREN = [
    {
        "slug": "lich-su",
        "title": "Lịch sử hình thành",
        "intro": (
            "Ba mươi năm, từ ngày thành lập 2/7/1994 đến lễ kỷ niệm năm 2024, gắn với chặng đường "
            "của Công đoàn Việt Nam ra đời ngày 28/7/1929 tại Hà Nội."
        ),
        "body": [
            p(
                "Công đoàn Viên chức Việt Nam được thành lập ngày 2 tháng 7 năm 1994 để tập hợp "
                "người lao động làm việc trong các cơ quan, đơn vị sự nghiệp của Nhà nước. Năm "
                "2024, tổ chức kỷ niệm tròn 30 năm ngày thành lập, cùng năm toàn hệ thống kỷ "
                "niệm 95 năm Công đoàn Việt Nam."
            ),
            h("Các kỳ Đại hội"),
            p(
                "Đại hội lần thứ VI của Công đoàn Viên chức Việt Nam họp trong hai ngày 30/9 và "
                "1/10/2023, với khoảng ba trăm đại biểu, bầu Ban Chấp hành nhiệm kỳ 2023–2028. "
                "Ngay sau đó, Đại hội XIII Công đoàn Việt Nam diễn ra tại Hà Nội từ ngày 1 đến "
                "3/12/2023."
            ),
            h("Dấu mốc gần đây"),
            p(
                "Cuộc thi trực tuyến tìm hiểu về tổ chức công đoàn thu hút khoảng 19.000 lượt "
                "đăng ký; giải thưởng “Cống hiến” lần đầu được trao để ghi nhận những cán bộ "
                "công đoàn có nhiều đóng góp."
            ),
        ],
    },
    {
        "slug": "chuc-nang-nhiem-vu",
        "title": "Chức năng, nhiệm vụ",
        "intro": (
            "Đại diện, chăm lo và bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên và "
            "người lao động trong khu vực công."
        ),
        "body": [
            h("Chức năng"),
            p(
                "Là tổ chức đại diện của cán bộ, công chức, viên chức và người lao động ở các cơ "
                "quan, đơn vị sự nghiệp, Công đoàn Viên chức Việt Nam tham gia quản lý, tham gia "
                "xây dựng chính sách có liên quan, và tuyên truyền, vận động đoàn viên thực hiện "
                "tốt nhiệm vụ chuyên môn."
            ),
            h("Nhiệm vụ trọng tâm nhiệm kỳ 2023–2028"),
            p(
                "Đổi mới tổ chức và hoạt động theo Nghị quyết 02-NQ/TW ngày 12/6/2021 của Bộ "
                "Chính trị; phát triển đoàn viên và thành lập công đoàn cơ sở; chăm lo phúc lợi "
                "qua chương trình “Vì phúc lợi đoàn viên”; hướng dẫn công đoàn cơ sở tiếp nhận "
                "đăng ký gia nhập của người lao động."
            ),
        ],
    },
    {
        "slug": "co-cau-to-chuc",
        "title": "Cơ cấu tổ chức",
        "intro": (
            "Ban Chấp hành do Đại hội bầu, Ban Thường vụ điều hành giữa hai kỳ họp, các ban "
            "chuyên môn giúp việc và hệ thống công đoàn cơ sở trực thuộc."
        ),
        "body": [
            p(
                "Giữa hai kỳ Đại hội, Ban Chấp hành là cơ quan lãnh đạo; Ban Thường vụ, gồm Chủ "
                "tịch, các Phó Chủ tịch và một số ủy viên, điều hành công việc thường xuyên. Các "
                "ban chuyên môn (Tổ chức, Tuyên giáo, Chính sách – Pháp luật, Tài chính, Văn "
                "phòng) và Ủy ban Kiểm tra giúp việc Ban Chấp hành."
            ),
            p(
                "Ở cơ sở, công đoàn cơ sở tại từng cơ quan, đơn vị là nơi xem xét và kết nạp đoàn "
                "viên; nơi chưa có công đoàn cơ sở thì công đoàn cấp trên trực tiếp đảm nhận."
            ),
        ],
    },
]


SAMPLE = "(dữ liệu mẫu)"
# (name letter, position, unit, body, order): sample people, never a real person's name.
CURRENT_TERM = [
    ("A", "Chủ tịch", "Công đoàn Viên chức Việt Nam", "standing", 1),
    ("B", "Phó Chủ tịch", "Công đoàn Viên chức Việt Nam", "standing", 2),
    ("C", "Phó Chủ tịch", "Công đoàn Viên chức Việt Nam", "standing", 3),
    ("D", "Ủy viên Ban Thường vụ", "Công đoàn Bộ Giáo dục và Đào tạo", "standing", 4),
    ("E", "Ủy viên Ban Chấp hành", "Công đoàn Bộ Y tế", "executive", 10),
    ("G", "Ủy viên Ban Chấp hành", "Công đoàn Viên chức tỉnh Thái Nguyên", "executive", 11),
    ("H", "Ủy viên Ban Chấp hành", "Công đoàn Viên chức thành phố Cần Thơ", "executive", 12),
]
PAST_TERM = [
    ("K", "Chủ tịch", "Công đoàn Viên chức Việt Nam", "standing", 1),
    ("L", "Phó Chủ tịch", "Công đoàn Viên chức Việt Nam", "standing", 2),
    ("M", "Ủy viên Ban Chấp hành", "Công đoàn Bộ Tư pháp", "executive", 10),
]


def draw_portrait(draw, size):
    """A neutral silhouette on the union's blue: a placeholder, not a person."""
    w, h = size
    draw.rectangle([0, 0, w, h], fill=(214, 224, 238))
    draw.ellipse([w * 0.3, h * 0.16, w * 0.7, h * 0.5], fill=(10, 61, 124))
    draw.ellipse([w * 0.12, h * 0.56, w * 0.88, h * 1.25], fill=(10, 61, 124))


def ensure_leaders():
    current, _ = Term.objects.get_or_create(
        start_year=2023,
        defaults={
            "name": "Khóa VI",
            "end_year": 2028,
            "note": "Đại hội lần thứ VI họp ngày 30/9 và 1/10/2023 (danh sách dưới đây là mẫu).",
        },
    )
    past, _ = Term.objects.get_or_create(
        start_year=2018, defaults={"name": "Khóa V", "end_year": 2023}
    )
    if Leader.objects.exists():
        return
    photo = ensure_image("Ảnh chân dung mẫu", draw_portrait, size=(400, 500))
    for term, people in ((current, CURRENT_TERM), (past, PAST_TERM)):
        for letter, position, unit, body, order in people:
            Leader.objects.create(
                name=f"Nguyễn Văn {letter} {SAMPLE}",
                position=position,
                unit=unit,
                body=body,
                sort_order=order,
                term=term,
                photo=photo if body == "standing" else None,
            )


def load(home, stdout=None):
    about, created = ensure_child_page(
        home,
        ContentPage,
        ABOUT_SLUG,
        title=ABOUT["title"],
        intro=ABOUT["intro"],
        body=ABOUT["body"],
        show_in_menus=True,
    )
    if created:
        # "Giới thiệu" comes first in the menu, right after the home page.
        first = home.get_first_child()
        if first is not None and first.pk != about.pk:
            about.move(first, pos="left")
            about.refresh_from_db()
    for child in CHILDREN:
        ensure_child_page(
            about,
            ContentPage,
            child["slug"],
            title=child["title"],
            intro=child["intro"],
            body=child["body"],
        )
    ensure_leaders()
    ensure_child_page(
        about,
        LeadershipPage,
        "ban-chap-hanh",
        title="Ban Chấp hành",
        intro=(
            "Ban Chấp hành Công đoàn Viên chức Việt Nam khóa VI, nhiệm kỳ 2023–2028, do Đại hội "
            "lần thứ VI bầu. Tên và ảnh trên trang này là dữ liệu mẫu."
        ),
    )
    ensure_child_page(
        home,
        ContactPage,
        CONTACT_SLUG,
        title="Liên hệ",
        intro="Cơ quan thường trực Công đoàn Viên chức Việt Nam tiếp đoàn viên và bạn đọc.",
        hours="Thứ Hai – Thứ Sáu: 8:00–12:00 và 13:30–17:00\nThứ Bảy, Chủ nhật, ngày lễ: nghỉ",
        show_in_menus=True,
    )
    return about
