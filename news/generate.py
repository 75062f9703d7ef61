"""Bulk articles for benchmarks and pagination (`generate_content --articles N`): built by the
article factory, inserted in bulk under the news index (`home.bulk`), indexed for search in
batches. The words are drawn from the pools below (our own sentences about union work)."""

import random
import time
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from home.bulk import bulk_add_live_children, index_for_search
from home.demo_utils import draw_scene, ensure_image
from search.text import fold

from .demo import (
    CATEGORY_UNION,
    EXTRA_CATEGORIES,
    VN,
    ensure_category,
    ensure_news_index,
    ensure_tag,
    h,
    p,
)
from .factories import NewsArticlePageFactory
from .listing import relist
from .models import NewsArticlePage, NewsArticleTag, NewsIndexPage, month_of

__all__ = ["generate_articles"]

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
    """Create `n` published, live articles under the news index, fast. Returns the number
    created."""
    from home.models import HomePage

    started = time.monotonic()
    rng = random.Random(seed)
    index = NewsIndexPage.objects.first() or ensure_news_index(HomePage.objects.first())
    categories = [ensure_category(*CATEGORY_UNION)] + [
        ensure_category(*item) for item in EXTRA_CATEGORIES
    ]
    tags = [ensure_tag(name) for name in TAG_POOL]
    images = [
        ensure_image(f"Ảnh minh họa tin tức số {k + 1}", draw_scene(100 + k), size=(1200, 675))
        for k in range(6)
    ]
    now = timezone.now()
    span = int((now - datetime(2021, 1, 1, tzinfo=VN)).total_seconds())
    taken = set(index.get_children().values_list("slug", flat=True))
    created = 0
    with transaction.atomic():
        for start in range(0, n, batch_size):
            articles = []
            for number in range(start, min(n, start + batch_size)):
                title, lead, body = _article_text(rng, number)
                slug = f"{slugify(fold(title))[:70].rstrip('-')}-{seed}-{number}"
                while slug in taken:
                    slug += "-x"
                taken.add(slug)
                published = now - timedelta(seconds=rng.randint(3600, span))
                articles.append(
                    NewsArticlePageFactory.build(
                        title=title,
                        slug=slug,
                        first_published_at=published,
                        published_at=published,
                        published_month=month_of(published),
                        listed_in=index.pk,  # live and public (news.listing)
                        byline=rng.choice(["Kim Thư", "Đỗ Bình", "Minh An", "Thu Hà", "Quốc Huy"]),
                        lead=lead,
                        hero_image=rng.choice(images) if rng.random() < 0.8 else None,
                        body=body,
                        category=rng.choice(categories),
                    )
                )
            bulk_add_live_children(index, articles)
            NewsArticleTag.objects.bulk_create(
                NewsArticleTag(
                    content_object_id=article.pk,
                    tag_id=tag.pk,
                    listed_in=article.listed_in,
                    published_at=article.published_at,
                )
                for article in articles
                for tag in rng.sample(tags, rng.randint(1, 3))
            )
            index_for_search(
                NewsArticlePage,
                [article.pk for article in articles],
                lambda queryset: queryset.select_related("category").prefetch_related("tags"),
            )
            created += len(articles)
        # They were inserted as listed (live, public): re-listed if the index is private.
        relist(index)
    _after_bulk_change()
    if stdout is not None:
        stdout.write(f"news: {created} bài viết trong {time.monotonic() - started:.1f} giây")
    return created


def _after_bulk_change():
    """Bulk inserts send no signals: purge as publishing would have (cached pages and the parts
    remembered until the next purge, such as the index's counts and month archive)."""
    from home.stored_sections import mark_stale
    from portal.pagecache.purge import purge

    purge("news: generated articles")
    mark_stale()  # the home page's news
