"""Demo content of the news app: the news index, a category, tags and the two articles of the
product brief (written in our own words), plus `generate_articles()` for benchmarks.

`load()` is idempotent: a second run finds everything and changes nothing.
"""

import random
import time
import uuid
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from home.demo_utils import draw_scene, ensure_child_page, ensure_image
from search.text import fold

from .models import (
    NewsArticlePage,
    NewsArticleRelatedArticle,
    NewsArticleTag,
    NewsCategory,
    NewsIndexPage,
    month_of,
)

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
    category, _created = NewsCategory.objects.get_or_create(
        slug=slug, defaults={"name": name, "description": CATEGORY_DESCRIPTIONS.get(slug, "")}
    )
    return category


def ensure_tag(name):
    """A taggit tag with an unaccented slug (taggit's own would keep the diacritics)."""
    tag = Tag.objects.filter(name=name).first()
    if tag is None:
        tag = Tag.objects.create(name=name, slug=slugify(fold(name)))
    return tag


def ensure_news_index(home):
    index, _created = ensure_child_page(
        home,
        NewsIndexPage,
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


def p(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}


def h(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}, "id": str(uuid.uuid4())}


def load(home, stdout=None):
    index = ensure_news_index(home)
    union = ensure_category(*CATEGORY_UNION)
    tags = {
        name: ensure_tag(name)
        for name in (
            "phát triển đoàn viên",
            "Nghị quyết 02",
            "Đại hội XIII",
            "Tháng Công nhân",
            "công tác tổ chức",
        )
    }

    article_2, _ = ensure_child_page(
        index,
        NewsArticlePage,
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
        tagged_items=[
            NewsArticleTag(tag=tags[name])
            for name in (
                "phát triển đoàn viên",
                "Nghị quyết 02",
                "Đại hội XIII",
                "công tác tổ chức",
            )
        ],
        search_description="",
    )

    ensure_child_page(
        index,
        NewsArticlePage,
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
        tagged_items=[
            NewsArticleTag(tag=tags[name])
            for name in ("Đại hội XIII", "phát triển đoàn viên", "Nghị quyết 02", "Tháng Công nhân")
        ],
        related_articles=[NewsArticleRelatedArticle(article=article_2)],
    )
    if stdout is not None:
        stdout.write("news: chỉ mục tin tức và 2 bài viết mẫu")
    return index


# --- Bulk generation for benchmarks and pagination ----------------------------------------------

PLACES = [
    "Hà Nội", "Hải Phòng", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Huế", "Đà Nẵng",
    "Quảng Ngãi", "Gia Lai", "Đắk Lắk", "Khánh Hòa", "Lâm Đồng", "Đồng Nai", "Tây Ninh",
    "Thành phố Hồ Chí Minh", "Cần Thơ", "An Giang", "Cà Mau", "Vĩnh Long", "Lào Cai",
    "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình", "Lạng Sơn", "Sơn La",
]  # fmt: skip
SUBJECTS = [
    "Công đoàn Viên chức tỉnh {place}",
    "Công đoàn ngành Giáo dục {place}",
    "Công đoàn ngành Y tế {place}",
    "Liên đoàn Lao động {place}",
    "Công đoàn cơ sở Bệnh viện Đa khoa {place}",
    "Công đoàn Trường Đại học {place}",
    "Công đoàn Sở Tài chính {place}",
    "Công đoàn các cơ quan Đảng {place}",
]
ACTIONS = [
    "tổ chức tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở",
    "trao quà hỗ trợ đoàn viên có hoàn cảnh khó khăn",
    "phát động Tháng Công nhân năm {year}",
    "ký thỏa thuận hợp tác vì phúc lợi đoàn viên",
    "sơ kết công tác phát triển đoàn viên {half}",
    "tổ chức hội thao chào mừng ngày thành lập Công đoàn Việt Nam",
    "đối thoại với người lao động về chế độ, chính sách",
    "kết nạp {count} đoàn viên mới",
    "tuyên dương {count} cán bộ công đoàn tiêu biểu",
    "quán triệt Nghị quyết Đại hội XIII Công đoàn Việt Nam",
    "triển khai Nghị quyết 02-NQ/TW tại cơ sở",
    "tổ chức “Mái ấm Công đoàn” cho đoàn viên",
    "lấy ý kiến đoàn viên góp ý dự thảo Luật Công đoàn (sửa đổi)",
    "tổ chức ngày hội “Vì phúc lợi đoàn viên”",
]
SENTENCES = [
    "Tham dự có đại diện lãnh đạo địa phương và đông đảo đoàn viên, người lao động.",
    "Hoạt động nằm trong chương trình công tác năm {year} của công đoàn cấp trên.",
    "Ban tổ chức cho biết sẽ duy trì hoạt động này hằng năm để chăm lo tốt hơn cho đoàn viên.",
    "Nhiều ý kiến đề nghị đơn giản hóa thủ tục để người lao động tham gia công đoàn dễ dàng hơn.",
    "Kinh phí thực hiện được trích từ nguồn tài chính công đoàn và sự đóng góp của các đối tác.",
    "Dịp này, {count} tập thể và cá nhân được khen thưởng vì có thành tích xuất sắc.",
    "Công đoàn đề ra mục tiêu mỗi đơn vị có ít nhất một mô hình chăm lo đoàn viên hiệu quả.",
    "Các đại biểu cũng chia sẻ kinh nghiệm thành lập công đoàn cơ sở ở khu vực ngoài nhà nước.",
    "Chương trình nhận được sự hưởng ứng tích cực của cán bộ, công chức, viên chức trên địa bàn.",
    "Kết thúc hội nghị, các đơn vị thống nhất kế hoạch triển khai trong quý tiếp theo.",
]
HEADINGS = [
    "Kết quả nổi bật",
    "Chăm lo thiết thực cho đoàn viên",
    "Nhiệm vụ thời gian tới",
    "Đổi mới phương thức hoạt động",
]
TAG_POOL = [
    "phát triển đoàn viên", "Nghị quyết 02", "Đại hội XIII", "Tháng Công nhân",
    "công tác tổ chức", "Vì phúc lợi đoàn viên", "Luật Công đoàn", "an toàn lao động",
    "công đoàn cơ sở", "Mái ấm Công đoàn", "thi đua khen thưởng", "đối thoại", "giáo dục",
    "y tế", "chuyển đổi số", "95 năm Công đoàn Việt Nam",
]  # fmt: skip


def _article_text(rng, number):
    place = rng.choice(PLACES)
    year = rng.choice([2022, 2023, 2024, 2025])
    fill = {
        "place": place,
        "year": year,
        "count": rng.randint(12, 480),
        "half": rng.choice(["6 tháng đầu năm", "năm " + str(year), "quý I", "quý III"]),
    }
    subject = rng.choice(SUBJECTS).format(**fill)
    action = rng.choice(ACTIONS).format(**fill)
    title = f"{subject} {action}"
    lead = f"{subject} vừa {action}. " + rng.choice(SENTENCES).format(**fill)
    body = [p(" ".join(s.format(**fill) for s in rng.sample(SENTENCES, 3)))]
    body.append(h(rng.choice(HEADINGS)))
    body.append(p(" ".join(s.format(**fill) for s in rng.sample(SENTENCES, 3))))
    return title, lead, body


def generate_articles(n, seed=2024, stdout=None, batch_size=1000):
    """Create `n` published, live articles under the news index, fast: page rows and their
    article rows are inserted in bulk with tree paths computed here (no add_child, no revision
    per article), then indexed for search in batches. Returns the number created."""
    from home.models import HomePage

    started = time.monotonic()
    rng = random.Random(seed)
    home = HomePage.objects.first()
    index = NewsIndexPage.objects.first() or ensure_news_index(home)
    categories = [ensure_category(*CATEGORY_UNION)] + [
        ensure_category(*item) for item in EXTRA_CATEGORIES
    ]
    tags = [ensure_tag(name) for name in TAG_POOL]
    images = [
        ensure_image(f"Ảnh minh họa tin tức số {k + 1}", draw_scene(100 + k), size=(1200, 675))
        for k in range(6)
    ]
    content_type = ContentType.objects.get_for_model(NewsArticlePage)
    now = timezone.now()
    span = int((now - datetime(2021, 1, 1, tzinfo=VN)).total_seconds())
    created = 0

    with transaction.atomic():
        index = NewsIndexPage.objects.select_for_update().get(pk=index.pk)
        last = index.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        taken = set(index.get_children().values_list("slug", flat=True))
        for start in range(0, n, batch_size):
            articles = []
            for number in range(start, min(n, start + batch_size)):
                step += 1
                title, lead, body = _article_text(rng, number)
                slug = f"{slugify(fold(title))[:70].rstrip('-')}-{seed}-{number}"
                while slug in taken:
                    slug += "-x"
                taken.add(slug)
                published = now - timedelta(seconds=rng.randint(3600, span))
                articles.append(
                    NewsArticlePage(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(index.path, index.depth + 1, step),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}{slug}/",
                        locale_id=index.locale_id,
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=published,
                        last_published_at=published,
                        latest_revision_created_at=published,
                        published_at=published,
                        published_month=month_of(published),
                        byline=rng.choice(["Kim Thư", "Đỗ Bình", "Minh An", "Thu Hà", "Quốc Huy"]),
                        lead=lead,
                        hero_image=rng.choice(images) if rng.random() < 0.8 else None,
                        body=body,
                        category=rng.choice(categories),
                    )
                )
            _bulk_insert_articles(articles)
            links = []
            for article in articles:
                for tag in rng.sample(tags, rng.randint(1, 3)):
                    links.append(NewsArticleTag(content_object_id=article.pk, tag_id=tag.pk))
            NewsArticleTag.objects.bulk_create(links)
            _index_for_search([article.pk for article in articles])
            created += len(articles)
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + created)
    _after_bulk_change(index)

    if stdout is not None:
        stdout.write(f"news: {created} bài viết trong {time.monotonic() - started:.1f} giây")
    return created


def _bulk_insert_articles(articles):
    """Insert the `wagtailcore_page` rows in bulk, then the `news_newsarticlepage` rows that point
    at them (Django's bulk_create refuses multi-table models, so the child table goes through
    the same insert query `save_base(raw=True)` uses, one statement per batch)."""
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    base_rows = [
        Page(**{field.attname: getattr(article, field.attname) for field in page_fields})
        for article in articles
    ]
    Page.objects.bulk_create(base_rows)
    for article, row in zip(articles, base_rows, strict=True):
        article.pk = article.page_ptr_id = article.id = row.pk
    child_fields = NewsArticlePage._meta.local_concrete_fields
    batch = max(1, connection.ops.bulk_batch_size(child_fields, articles))
    for start in range(0, len(articles), batch):
        NewsArticlePage._base_manager._insert(
            articles[start : start + batch], fields=child_fields, raw=True
        )


def _index_for_search(pks):
    objects = list(
        NewsArticlePage.objects.filter(pk__in=pks)
        .select_related("category")
        .prefetch_related("tags")
    )
    for obj in objects:
        obj._folded_cache = {}
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(NewsArticlePage, objects)


def _after_bulk_change(index):
    """Bulk inserts send no signals: purge as publishing would have (cached pages and the parts
    remembered until the next purge, such as the index's counts and month archive)."""
    from portal.pagecache.purge import purge

    purge("news: generated articles")
