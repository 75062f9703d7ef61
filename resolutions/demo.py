"""Demo content of the document library (idempotent), built by the app's factories; bulk documents
for benchmarks are `resolutions.generate`.

Texts are short summaries written for this demo site from the product brief's facts; documents
other than Resolution 02-NQ/TW and the Congress XIII resolution are marked as sample text.
"""

from datetime import date

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from home.demo_utils import ensure_child_page, paragraph

from .factories import CongressPageFactory, DocumentLibraryPageFactory, ResolutionPageFactory
from .models import (
    DocumentStatus,
    IssuingBody,
    RelationType,
    ResolutionAttachment,
    ResolutionRelation,
)
from .pdf_sample import minimal_pdf

# A phrase that appears only inside the demo PDF (not on any page): searching for it in the
# library must find Resolution 02-NQ/TW through the extracted attachment text.
PDF_ONLY_PHRASE = "so tay hoi dap danh cho can bo cong doan co so"
PDF_TITLE = "Nghị quyết 02-NQ/TW – bản PDF (bản mẫu)"


def ensure_document(title, filename, data):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title, file=ContentFile(data, name=filename))
    document._set_document_file_metadata()  # size and hash, as the admin upload form does
    document.save()
    return document


def ensure_body(slug, name, short_name=""):
    body, _created = IssuingBody.objects.get_or_create(
        slug=slug, defaults={"name": name, "short_name": short_name}
    )
    return body


def section(kind, number, heading, body, articles=()):
    """A body section in StreamField's raw form."""
    return {
        "type": "section",
        "value": {
            "kind": kind,
            "number": number,
            "heading": heading,
            "body": body,
            "articles": [
                {"kind": "dieu", "number": n, "heading": h, "body": b} for n, h, b in articles
            ],
        },
    }


RESOLUTION_02_BODY = [
    section(
        "phan",
        "I",
        "Tình hình và nguyên nhân",
        "<p>Qua nhiều năm, tổ chức Công đoàn đã lớn mạnh, đại diện và chăm lo cho người lao động; "
        "tuy vậy hoạt động ở nhiều nơi còn hành chính hóa, chưa theo kịp sự thay đổi của quan hệ "
        "lao động và sự xuất hiện của các tổ chức đại diện khác của người lao động tại doanh "
        "nghiệp.</p>",
    ),
    section(
        "phan",
        "II",
        "Quan điểm chỉ đạo",
        "<p>Đổi mới tổ chức và hoạt động Công đoàn là yêu cầu khách quan; lấy đoàn viên, người lao "
        "động làm trung tâm, hướng mạnh về cơ sở; giữ vững sự lãnh đạo của Đảng đối với Công "
        "đoàn.</p>",
    ),
    section(
        "phan",
        "III",
        "Mục tiêu",
        "<p>Xây dựng tổ chức Công đoàn vững mạnh, thu hút ngày càng đông người lao động tham gia; "
        "thực hiện tốt chức năng đại diện, chăm lo và bảo vệ quyền, lợi ích hợp pháp, chính đáng "
        "của đoàn viên.</p>",
    ),
    section(
        "phan",
        "IV",
        "Nhiệm vụ và giải pháp",
        "<p>Các nhóm nhiệm vụ chính, tóm tắt:</p>",
        articles=[
            (
                "1",
                "Đổi mới nội dung, phương thức hoạt động",
                "<p>Hoạt động hướng về cơ sở, gần gũi người lao động; ứng dụng công nghệ thông "
                "tin trong quản lý đoàn viên và tuyên truyền.</p>",
            ),
            (
                "2",
                "Phát triển đoàn viên, xây dựng công đoàn cơ sở",
                "<p>Đẩy mạnh thành lập công đoàn cơ sở ở doanh nghiệp ngoài nhà nước; tập hợp "
                "người lao động ở khu vực phi kết cấu.</p>",
            ),
            (
                "3",
                "Đại diện, bảo vệ quyền lợi người lao động",
                "<p>Nâng cao chất lượng đối thoại, thương lượng tập thể; tham gia xây dựng chính "
                "sách về tiền lương, việc làm, bảo hiểm xã hội.</p>",
            ),
            (
                "4",
                "Xây dựng đội ngũ cán bộ công đoàn",
                "<p>Đào tạo, bồi dưỡng cán bộ công đoàn có bản lĩnh, kỹ năng và uy tín với người "
                "lao động.</p>",
            ),
        ],
    ),
    section(
        "phan",
        "V",
        "Tổ chức thực hiện",
        "<p>Các cấp ủy, tổ chức đảng và Tổng Liên đoàn Lao động Việt Nam xây dựng chương trình, kế "
        "hoạch thực hiện, định kỳ sơ kết, tổng kết.</p>",
    ),
]

SAMPLE_NOTE = "<p><em>Nội dung mẫu để trình diễn chức năng thư viện văn bản.</em></p>"


def load(home, stdout=None):
    politburo = ensure_body("bo-chinh-tri", "Bộ Chính trị", "BCT")
    confederation = ensure_body(
        "tong-lien-doan-lao-dong-viet-nam", "Tổng Liên đoàn Lao động Việt Nam", "TLĐ"
    )
    congress_body = ensure_body(
        "dai-hoi-xiii-cong-doan-viet-nam", "Đại hội XIII Công đoàn Việt Nam"
    )

    library, _ = ensure_child_page(
        home,
        DocumentLibraryPageFactory,
        "van-ban",
        title="Văn bản",
        show_in_menus=True,
        intro=(
            "<p>Nghị quyết của Đảng, văn bản của Tổng Liên đoàn và của Công đoàn Viên chức Việt "
            "Nam, văn kiện Đại hội. Tìm theo số hiệu (ví dụ 02-NQ/TW) hoặc từ khóa, có dấu hay "
            "không dấu.</p>"
        ),
    )

    pdf = ensure_document(
        PDF_TITLE,
        "nghi-quyet-02-nq-tw.pdf",
        minimal_pdf(
            [
                "NGHI QUYET 02-NQ/TW (ban PDF mau cua trang trinh dien)",
                "Bo Chinh tri, ngay 12/6/2021",
                "Ve doi moi to chuc va hoat dong cua Cong doan Viet Nam trong tinh hinh moi",
                "Phu luc: " + PDF_ONLY_PHRASE,
            ]
        ),
    )

    resolution, _ = ensure_child_page(
        library,
        ResolutionPageFactory,
        "nghi-quyet-02-nq-tw",
        title=(
            "Nghị quyết số 02-NQ/TW của Bộ Chính trị về đổi mới tổ chức và hoạt động của Công "
            "đoàn Việt Nam trong tình hình mới"
        ),
        number="02-NQ/TW",
        doc_type="nghi-quyet",
        issuing_body=politburo,
        signer="T/M Bộ Chính trị",
        date_issued=date(2021, 6, 12),
        date_effective=date(2021, 6, 12),
        status=DocumentStatus.IN_FORCE,
        summary=(
            "Bộ Chính trị đặt ra quan điểm, mục tiêu và nhiệm vụ đổi mới tổ chức, hoạt động của "
            "Công đoàn Việt Nam trong tình hình mới, lấy đoàn viên và người lao động làm trung "
            "tâm."
        ),
        body=RESOLUTION_02_BODY,
        attachments=[ResolutionAttachment(document=pdf, label="Toàn văn Nghị quyết (PDF)")],
    )

    congress, _ = ensure_child_page(
        library,
        CongressPageFactory,
        "dai-hoi-xiii",
        title="Đại hội XIII Công đoàn Việt Nam, nhiệm kỳ 2023–2028",
        short_name="Đại hội XIII",
        date_start=date(2023, 12, 1),
        date_end=date(2023, 12, 3),
        location="Hà Nội",
        term="2023–2028",
        intro=(
            "<p>Đại hội XIII Công đoàn Việt Nam họp tại Hà Nội từ ngày 1 đến ngày 3/12/2023, "
            "quyết định phương hướng hoạt động của tổ chức Công đoàn nhiệm kỳ 2023–2028. Trang "
            "này tập hợp nghị quyết và văn kiện của Đại hội.</p>"
        ),
    )
    ensure_child_page(
        congress,
        ResolutionPageFactory,
        "nghi-quyet-dai-hoi-xiii",
        title="Nghị quyết Đại hội XIII Công đoàn Việt Nam, nhiệm kỳ 2023–2028",
        number="",
        doc_type="nghi-quyet",
        issuing_body=congress_body,
        date_issued=date(2023, 12, 3),
        status=DocumentStatus.IN_FORCE,
        summary=(
            "Nghị quyết của Đại hội về phương hướng, mục tiêu và các chỉ tiêu của tổ chức Công "
            "đoàn nhiệm kỳ 2023–2028, trong đó có mục tiêu đạt 15 triệu đoàn viên vào cuối năm "
            "2028."
        ),
        body=[
            section(
                "phan",
                "I",
                "Phương hướng",
                "<p>Tiếp tục đổi mới tổ chức và hoạt động Công đoàn theo Nghị quyết 02-NQ/TW, "
                "hướng về cơ sở, lấy đoàn viên làm trung tâm.</p>",
            ),
            section(
                "phan",
                "II",
                "Mục tiêu đến năm 2028",
                "<p>Phấn đấu cả hệ thống có 15 triệu đoàn viên vào cuối năm 2028; phát triển "
                "mạnh công đoàn cơ sở ở khu vực doanh nghiệp ngoài nhà nước.</p>",
            ),
        ],
    )
    ensure_child_page(
        congress,
        ResolutionPageFactory,
        "bao-cao-chinh-tri-dai-hoi-xiii",
        title=(
            "Báo cáo của Ban Chấp hành Tổng Liên đoàn khóa XII trình Đại hội XIII (bản tóm tắt mẫu)"
        ),
        number="",
        doc_type="van-kien-dai-hoi",
        issuing_body=confederation,
        date_issued=date(2023, 12, 1),
        status=DocumentStatus.IN_FORCE,
        summary="Văn kiện trình Đại hội: đánh giá nhiệm kỳ trước và đề xuất phương hướng nhiệm kỳ "
        "2023–2028. Nội dung mẫu.",
        body=[paragraph(SAMPLE_NOTE)],
    )

    implements_02 = [ResolutionRelation(relation_type=RelationType.IMPLEMENTS, target=resolution)]
    for slug, related, fields in [
        (
            "chuong-trinh-1734-ctr-tld",
            implements_02,
            {
                "title": "Chương trình hành động thực hiện Nghị quyết 02-NQ/TW (văn bản mẫu)",
                "number": "1734/CTr-TLĐ",
                "doc_type": "chuong-trinh",
                "date_issued": date(2021, 9, 1),
                "summary": "Chương trình của Tổng Liên đoàn triển khai Nghị quyết 02-NQ/TW. "
                "Nội dung mẫu.",
            },
        ),
        (
            "huong-dan-38-hd-tld",
            implements_02,
            {
                "title": "Hướng dẫn về công tác phát triển đoàn viên (văn bản mẫu)",
                "number": "38/HD-TLĐ",
                "doc_type": "huong-dan",
                "date_issued": date(2022, 3, 15),
                "summary": "Hướng dẫn các cấp công đoàn về phát triển đoàn viên và thành lập "
                "công đoàn cơ sở. Nội dung mẫu.",
            },
        ),
        (
            "quyet-dinh-2399-qd-tld",
            [],
            {
                "title": "Quyết định ban hành quy chế làm việc (văn bản mẫu)",
                "number": "2399/QĐ-TLĐ",
                "doc_type": "quyet-dinh",
                "date_issued": date(2024, 1, 10),
                "date_effective": date(2024, 2, 1),
                "summary": "Quyết định của Tổng Liên đoàn ban hành một quy chế làm việc. "
                "Nội dung mẫu.",
            },
        ),
    ]:
        # Sample documents of the Confederation, in force, whose body says they are samples.
        ensure_child_page(
            library,
            ResolutionPageFactory,
            slug,
            issuing_body=confederation,
            status=DocumentStatus.IN_FORCE,
            body=[paragraph(SAMPLE_NOTE)],
            related_links=related,
            **fields,
        )
    if stdout is not None:
        stdout.write("Thư viện văn bản: sẵn sàng.")
    return library
