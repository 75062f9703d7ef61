"""Attached PDFs: their text is extracted on save and found by the library search; a file that
cannot be read is stored anyway and the page says so."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from resolutions.models import ResolutionPage
from tests.admin_pages import publish_in_admin
from tests.public_pages import page_html

from .conftest import make_document, make_file, make_pdf, titles

PHRASE = "bang tong hop chi tieu phat trien doan vien khu cong nghiep"


@pytest.mark.django_db
def test_phrase_only_inside_the_pdf_finds_the_document(client, library):
    pdf = make_pdf("Phụ lục", ["PHU LUC", PHRASE.upper()], filename="phu-luc.pdf")
    page = make_document(library, title="Kế hoạch có phụ lục", attachments=[pdf])
    make_document(library, title="Kế hoạch khác")
    assert PHRASE in page.attachment_text.lower()
    assert page.attachments.get().text_status == "ok"
    # Typed with Vietnamese accents, the folded query still matches the PDF's plain letters.
    for query in (PHRASE, "Bảng tổng hợp chỉ tiêu phát triển đoàn viên khu công nghiệp"):
        assert titles(client.get("/van-ban/", {"q": query})) == ["Kế hoạch có phụ lục"]


@pytest.mark.django_db
def test_unreadable_pdf_is_stored_and_marked_not_searchable(client, library):
    broken = make_file("Tệp hỏng", b"%PDF-1.4\nthis is not really a pdf\x00\xff", "hong.pdf")
    page = make_document(library, title="Văn bản có tệp hỏng", attachments=[broken])
    attachment = page.attachments.get()
    assert attachment.text_status == "unreadable"
    assert page.attachment_text == ""
    html = page_html(client, page.url)
    assert "Nội dung tệp này chưa tìm kiếm được" in html
    assert f'href="{broken.url}" download' in html
    # The document itself is still found by its own text.
    assert titles(client.get("/van-ban/", {"q": "tệp hỏng"})) == ["Văn bản có tệp hỏng"]


@pytest.mark.django_db
def test_pdf_without_text_layer_and_non_pdf_files(library):
    scan = make_pdf("Bản quét", [], filename="ban-quet.pdf")
    sheet = make_file("Bảng tính", b"PK\x03\x04 not parsed", "bang.xlsx")
    page = make_document(library, attachments=[scan, sheet])
    statuses = {a.document.title: a.text_status for a in page.attachments.all()}
    assert statuses == {"Bản quét": "no_text", "Bảng tính": "not_pdf"}


@pytest.mark.django_db
def test_attachment_text_is_not_copied_into_revisions(library):
    pdf = make_pdf("Phụ lục", [PHRASE], filename="phu-luc.pdf")
    page = make_document(library, attachments=[pdf])
    revision = page.latest_revision
    assert "attachment_text" not in revision.content
    assert PHRASE in ResolutionPage.objects.get(pk=page.pk).attachment_text


@pytest.mark.django_db
def test_editor_adds_a_document_with_a_pdf_in_the_admin(client, library, politburo):
    user = get_user_model().objects.create_superuser("editor", "editor@example.vn", "pw")
    client.force_login(user)
    pdf = make_pdf("Nghị quyết PDF", ["NGHI QUYET", PHRASE], filename="nq.pdf")
    page = publish_in_admin(
        client,
        ResolutionPage,
        library,
        {
            "title": "Nghị quyết thử từ trang quản trị",
            "slug": "nghi-quyet-thu",
            "number": "9-NQ/TW",
            "doc_type": "nghi-quyet",
            "issuing_body": politburo.pk,
            "signer": "",
            "date_issued": "2024-05-02",
            "date_effective": "",
            "status": "con-hieu-luc",
            "replaced_by": "",
            "collection": "",
            "summary": "Trích yếu của nghị quyết thử.",
            "body": streamfield([]),
            "attachments": inline_formset([{"document": pdf.pk, "label": "Toàn văn"}]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
        },
    )
    assert page.live
    assert page.number_key == " 9 nq tw "
    assert PHRASE in page.attachment_text
    client.logout()
    assert titles(client.get("/van-ban/", {"q": PHRASE})) == ["Nghị quyết thử từ trang quản trị"]
    assert titles(client.get("/van-ban/", {"q": "nq 9"}))[0] == "Nghị quyết thử từ trang quản trị"


@pytest.mark.django_db
def test_admin_rejects_replaced_without_replacement(client, library):
    user = get_user_model().objects.create_superuser("editor", "editor@example.vn", "pw")
    client.force_login(user)
    data = nested_form_data(
        {
            "title": "Văn bản bị thay thế",
            "slug": "bi-thay-the",
            "number": "1/QĐ-TLĐ",
            "doc_type": "quyet-dinh",
            "date_issued": "2024-05-02",
            "status": "bi-thay-the",
            "summary": "Trích yếu.",
            "body": streamfield([]),
            "attachments": inline_formset([]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/resolutions/resolutionpage/{library.pk}/", data)
    assert response.status_code == 200
    assert "hãy chọn văn bản thay thế" in response.content.decode()
    assert not ResolutionPage.objects.filter(slug="bi-thay-the").exists()


@pytest.mark.django_db
def test_replacing_the_file_of_a_document_refreshes_the_page_text(client, library):
    from django.core.files.base import ContentFile

    from resolutions.pdf_sample import minimal_pdf

    pdf = make_pdf("Kế hoạch", ["ban dau"], filename="ke-hoach.pdf")
    page = make_document(library, title="Kế hoạch có tệp thay", attachments=[pdf])
    assert titles(client.get("/van-ban/", {"q": PHRASE})) == []
    pdf.file = ContentFile(minimal_pdf([PHRASE]), name="ke-hoach-moi.pdf")
    pdf.save()
    page.refresh_from_db()
    assert PHRASE in page.attachment_text
    assert titles(client.get("/van-ban/", {"q": PHRASE})) == ["Kế hoạch có tệp thay"]
