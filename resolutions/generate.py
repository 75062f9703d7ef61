"""Bulk documents for benchmarks (`generate_content --documents N`): built by the document
factory, inserted in bulk under the library (`home.bulk`), indexed for search in batches."""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from home.bulk import bulk_add_live_children, index_for_search
from home.stored_sections import mark_stale

from .demo import ensure_body, load, section
from .factories import ResolutionPageFactory
from .models import DocumentLibraryPage, DocumentStatus, ResolutionPage, refresh_document_years
from .numbers import number_key, number_lead

__all__ = ["generate_documents"]

_TYPES = [
    ("nghi-quyet", "NQ", "Nghị quyết"),
    ("quyet-dinh", "QĐ", "Quyết định"),
    ("huong-dan", "HD", "Hướng dẫn"),
    ("chuong-trinh", "CTr", "Chương trình"),
    ("ke-hoach", "KH", "Kế hoạch"),
    ("cong-van", "CV", "Công văn"),
    ("thong-bao", "TB", "Thông báo"),
]
_TOPICS = [
    "phát triển đoàn viên",
    "thành lập công đoàn cơ sở",
    "chăm lo Tết cho đoàn viên",
    "Tháng Công nhân",
    "tài chính công đoàn",
    "kiểm tra, giám sát",
    "thương lượng tập thể",
    "an toàn, vệ sinh lao động",
    "chuyển đổi số trong công đoàn",
    "chương trình Vì phúc lợi đoàn viên",
]


def generate_documents(n, seed=2024, stdout=None):
    """Create n sample documents under the library quickly. Returns the count."""
    from wagtail.models import Page

    from home.models import HomePage

    if n <= 0:
        return 0
    rng = random.Random(seed)
    home = HomePage.objects.first()
    library = DocumentLibraryPage.objects.child_of(home).first() if home else None
    if library is None:
        from home import demo as home_demo

        library = load(home or home_demo.load(), stdout)
    bodies = [
        ensure_body("tong-lien-doan-lao-dong-viet-nam", "Tổng Liên đoàn Lao động Việt Nam", "TLĐ"),
        ensure_body("cong-doan-vien-chuc-viet-nam", "Công đoàn Viên chức Việt Nam", "CĐVC"),
    ]
    statuses = [DocumentStatus.IN_FORCE] * 8 + [DocumentStatus.EXPIRED] * 2
    now = timezone.now()
    existing = Page.objects.filter(slug__startswith="vb-mau-").count()
    documents = []
    for i in range(n):
        serial = existing + i + 1
        code, abbreviation, label = rng.choice(_TYPES)
        topic = rng.choice(_TOPICS)
        issued = date(2015, 1, 1) + timedelta(days=rng.randrange(0, 11 * 365))
        issuer = rng.choice(bodies)
        number = f"{serial + 100}/{abbreviation}-{issuer.short_name or 'TLĐ'}"
        published = min(timezone.make_aware(datetime.combine(issued, time(8, 0))), now)
        documents.append(
            ResolutionPageFactory.build(
                title=f"{label} về {topic} (văn bản mẫu số {serial})",
                slug=f"vb-mau-{serial}",
                first_published_at=published,
                number=number,
                number_key=number_key(number),
                number_lead=number_lead(number),
                doc_type=code,
                issuing_body=issuer,
                date_issued=issued,
                date_effective=issued + timedelta(days=rng.choice([0, 0, 15, 30])),
                status=rng.choice(statuses),
                summary=f"Văn bản mẫu về {topic}, dùng để đo hiệu năng thư viện văn bản.",
                body=[
                    section(
                        "phan", "I", "Mục đích, yêu cầu", f"<p>Triển khai công tác {topic}.</p>"
                    ),
                    section(
                        "phan", "II", "Tổ chức thực hiện", "<p>Các cấp công đoàn thực hiện.</p>"
                    ),
                ],
            )
        )
    bulk_add_live_children(library, documents, batch_size=250)
    index_for_search(ResolutionPage, [document.pk for document in documents], batch_size=200)
    refresh_document_years()  # bulk inserts send no signals
    mark_stale()  # the home page's documents
    if stdout is not None:
        stdout.write(f"Đã tạo {n} văn bản mẫu.")
    return n
