"""Demo content of the news app: the news index, a category, tags and the two articles of the
product brief (written in our own words), built by the app's factories. Bulk articles for
benchmarks are `news.generate`.

`load()` is idempotent: a second run finds everything and changes nothing.
"""

import uuid
from datetime import datetime

from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from home.demo_utils import draw_scene, ensure_child_page, ensure_image, h, p
from search.text import fold

from .factories import NewsArticlePageFactory, NewsCategoryFactory, NewsIndexPageFactory
from .models import NewsArticleRelatedArticle

VN = timezone.get_fixed_timezone(7 * 60)  # Asia/Ho_Chi_Minh has no DST: +07:00 all year.

CATEGORY_UNION = ("Hoạt động Công đoàn", "hoat-dong-cong-doan")
EXTRA_CATEGORIES = [
    ("Phát triển đoàn viên", "phat-trien-doan-vien"),
    ("Chính sách – Pháp luật", "chinh-sach-phap-luat"),
    ("Phúc lợi đoàn viên", "phuc-loi-doan-vien"),
    ("Gương người tốt, việc tốt", "guong-nguoi-tot-viec-tot"),
]
CATEGORY_DESCRIPTIONS = {
    "hoat-dong-cong-doan": "Hội nghị, sự kiện và hoạt động của tổ chức Công đoàn các cấp.",
    "phat-trien-doan-vien": "Kết nạp đoàn viên, thành lập công đoàn cơ sở và mô hình tổ chức mới.",
    "chinh-sach-phap-luat": "Chính sách, pháp luật liên quan đến người lao động và Công đoàn.",
    "phuc-loi-doan-vien": "Chương trình “Vì phúc lợi đoàn viên” và các hoạt động chăm lo.",
    "guong-nguoi-tot-viec-tot": "Những tấm gương cán bộ, đoàn viên tiêu biểu.",
}


def ensure_category(name, slug):
    return NewsCategoryFactory(
        slug=slug, name=name, description=CATEGORY_DESCRIPTIONS.get(slug, "")
    )


def ensure_tag(name):
    """A taggit tag with an unaccented slug (taggit's own would keep the diacritics)."""
    tag = Tag.objects.filter(name=name).first()
    if tag is None:
        tag = Tag.objects.create(name=name, slug=slugify(fold(name)))
    return tag


def ensure_news_index(home):
    index, _created = ensure_child_page(
        home,
        NewsIndexPageFactory,
        "tin-tuc",
        title="Tin tức",
        show_in_menus=True,
        intro=(
            "<p>Tin hoạt động của Công đoàn Viên chức Việt Nam và của tổ chức Công đoàn các "
            "cấp.</p>"
        ),
        search_description="Tin tức, sự kiện và hoạt động của Công đoàn Viên chức Việt Nam.",
    )
    return index


def load(home, stdout=None):
    index = ensure_news_index(home)
    union = ensure_category(*CATEGORY_UNION)

    article_2, _ = ensure_child_page(
        index,
        NewsArticlePageFactory,
        "nam-2024-phan-dau-ket-nap-them-mot-trieu-doan-vien",
        title="Năm 2024 phấn đấu kết nạp thêm một triệu đoàn viên công đoàn",
        published_at=datetime(2024, 2, 29, 6, 35, tzinfo=VN),
        byline="Đỗ Bình",
        category=union,
        hero_image=ensure_image(
            "Hội nghị trực tuyến về công tác tổ chức năm 2024 (minh họa)",
            draw_scene(29, palette=((19, 94, 74), (179, 18, 31), (242, 201, 76))),
        ),
        hero_caption="Các điểm cầu dự hội nghị trực tuyến về công tác tổ chức (ảnh minh họa).",
        hero_alt="Tranh minh họa một hội trường với màn hình lớn và các hàng ghế đại biểu.",
        lead=(
            "Chiều 28/2/2024, Tổng Liên đoàn Lao động Việt Nam họp trực tuyến để triển khai công "
            "tác tổ chức, cán bộ và kiểm tra, giám sát năm 2024, với chỉ tiêu kết nạp thêm "
            "1.000.000 đoàn viên ngay trong năm."
        ),
        body=[
            p(
                "Hội nghị diễn ra tại Hà Nội và được nối mạng tới các điểm cầu trong cả nước. "
                "Năm 2024 được xác định là năm mở đầu việc đưa Nghị quyết Đại hội XIII Công đoàn "
                "Việt Nam vào cuộc sống, đồng thời là năm thứ ba thực hiện Nghị quyết số "
                "02-NQ/TW của Bộ Chính trị về đổi mới tổ chức và hoạt động của Công đoàn."
            ),
            h("Hướng tới 15 triệu đoàn viên vào cuối năm 2028"),
            p(
                "Theo định hướng được đưa ra tại hội nghị, toàn hệ thống Công đoàn phấn đấu phát "
                "triển thêm một triệu đoàn viên trong năm 2024 và đạt tổng số 15 triệu đoàn viên "
                "khi kết thúc năm 2028, tức cuối nhiệm kỳ Đại hội XIII."
            ),
            {
                "type": "table",
                "value": {
                    "data": [
                        ["Mốc thời gian", "Chỉ tiêu"],
                        ["Năm 2024", "Kết nạp thêm 1.000.000 đoàn viên"],
                        ["Cuối năm 2028", "Toàn hệ thống có 15.000.000 đoàn viên"],
                    ],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Chỉ tiêu phát triển đoàn viên",
                },
                "id": str(uuid.uuid4()),
            },
            h("Thí điểm những mô hình tổ chức mới"),
            p(
                "Để đạt chỉ tiêu, Tổng Liên đoàn dự kiến làm thí điểm mô hình công đoàn trong các "
                "tập đoàn kinh tế tư nhân, nghiên cứu thành lập công đoàn ngành toàn quốc ở những "
                "lĩnh vực như Dệt may và Ngân hàng, và xây dựng một mô hình tổ chức riêng cho "
                "những đơn vị có dưới 25 đoàn viên."
            ),
            p(
                "Hội nghị cũng thống nhất nhiều việc cần làm ngay trong công tác cán bộ và công "
                "tác kiểm tra, giám sát, để bộ máy công đoàn theo kịp yêu cầu của giai đoạn mới."
            ),
        ],
        tags=["phát triển đoàn viên", "Nghị quyết 02", "Đại hội XIII", "công tác tổ chức"],
        search_description="",
    )

    ensure_child_page(
        index,
        NewsArticlePageFactory,
        "hoi-nghi-lan-thu-4-ban-chap-hanh-tong-lien-doan-khoa-xiii",
        title="Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam khóa XIII họp Hội nghị lần thứ 4",
        published_at=datetime(2024, 3, 21, 10, 50, tzinfo=VN),
        byline="Kim Thư",
        category=union,
        hero_image=ensure_image(
            "Chủ tịch Tổng Liên đoàn phát biểu tại Hội nghị lần thứ 4 (minh họa)", draw_scene(13)
        ),
        hero_caption=(
            "Đồng chí Nguyễn Đình Khang, Ủy viên Trung ương Đảng, Chủ tịch Tổng Liên đoàn Lao "
            "động Việt Nam, phát biểu tại Hội nghị (ảnh minh họa)."
        ),
        hero_alt=(
            "Tranh minh họa: một người phát biểu sau bục trên sân khấu có băng rôn đỏ, phía "
            "dưới là các hàng ghế đại biểu."
        ),
        lead=(
            "Ngày 15/3/2024 tại Hà Nội, ngay sau phiên họp của Đoàn Chủ tịch, Ban Chấp hành Tổng "
            "Liên đoàn Lao động Việt Nam khóa XIII đã họp Hội nghị lần thứ 4 để bàn những việc "
            "lớn của tổ chức Công đoàn trong năm 2024."
        ),
        body=[
            p(
                "Chủ trì hội nghị là đồng chí Nguyễn Đình Khang, Ủy viên Trung ương Đảng, Chủ "
                "tịch Tổng Liên đoàn, cùng các Phó Chủ tịch Phan Văn Anh, Huỳnh Thanh Xuân, Ngọ "
                "Duy Hiểu, Thái Thu Xương và Nguyễn Xuân Hùng."
            ),
            h("Việc làm, an ninh và đời sống người lao động"),
            p(
                "Đại biểu tập trung thảo luận tình hình an ninh, trật tự có liên quan tới công "
                "nhân, lao động tại các địa phương có nhiều khu công nghiệp, khu chế xuất, cùng "
                "với tình hình việc làm và quan hệ lao động trong những tuần sau Tết Nguyên đán."
            ),
            p(
                "Một nội dung được quan tâm là chỉ tiêu kết nạp thêm một triệu đoàn viên trong "
                "năm 2024 và việc thành lập công đoàn cơ sở mới. Hội nghị cũng cho ý kiến về các "
                "hoạt động kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam gắn với Tháng Công "
                "nhân năm 2024."
            ),
            h("Ba năm thực hiện Nghị quyết 02-NQ/TW"),
            p(
                "Ban Chấp hành xem xét việc triển khai nghị quyết đại hội công đoàn các cấp và "
                "Nghị quyết Đại hội XIII Công đoàn Việt Nam, đồng thời sơ kết ba năm thực hiện "
                "Nghị quyết số 02-NQ/TW của Bộ Chính trị về đổi mới tổ chức và hoạt động của "
                "Công đoàn Việt Nam trong tình hình mới."
            ),
            p(
                "Các nội dung khác được bàn tại hội nghị gồm: hưởng ứng phong trào “Toàn dân bảo "
                "vệ an ninh Tổ quốc”, tham gia sửa đổi Luật Công đoàn, công tác tài chính công "
                "đoàn và công tác kiểm tra."
            ),
        ],
        tags=["Đại hội XIII", "phát triển đoàn viên", "Nghị quyết 02", "Tháng Công nhân"],
        related_articles=[NewsArticleRelatedArticle(article=article_2)],
    )
    if stdout is not None:
        stdout.write("news: chỉ mục tin tức và 2 bài viết mẫu")
    return index
