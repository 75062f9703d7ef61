"""Uploaded documents are downloaded, never rendered; media are never sniffed into HTML."""

import pytest
from django.core.files.base import ContentFile
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail.documents import get_document_model

HTML_PAYLOAD = b"<html><body><script>window.__xss = 1; alert(1)</script></body></html>"


def make_document(title, filename, content):
    Document = get_document_model()
    document = Document(title=title)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def download(client, document):
    response = client.get(document.url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "filename",
    ["nghi-quyet-02.pdf", "bao-cao.html", "anh.svg", "ghi-chu.txt"],
)
def test_documents_are_served_as_attachments_and_never_executed(client, filename):
    document = make_document("Văn bản tải lên", filename, HTML_PAYLOAD)
    response, body = download(client, document)
    assert response["Content-Disposition"].startswith("attachment")
    assert filename in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    # Even if a browser ignored the attachment, the document may not run anything.
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert body == HTML_PAYLOAD


@pytest.mark.django_db
def test_the_admin_refuses_html_and_svg_documents(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.models import Collection

    Document = get_document_model()
    # Same form as the accepted PDF below: only the file type differs.
    for name, content_type in [("trang.html", "text/html"), ("hinh.svg", "image/svg+xml")]:
        response = admin_client.post(
            "/admin/documents/add/",
            {
                "title": "Tài liệu độc",
                "file": SimpleUploadedFile(name, HTML_PAYLOAD, content_type=content_type),
                "collection": str(Collection.get_first_root_node().pk),
            },
        )
        assert response.status_code == 200
        assert "file" in response.context["form"].errors
        assert not Document.objects.filter(file__endswith=name.rsplit(".", 1)[1]).exists()


@pytest.mark.django_db
def test_the_admin_accepts_a_pdf_and_it_downloads_as_attachment(admin_client, client):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.models import Collection

    Document = get_document_model()
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Nghị quyết mẫu",
            "file": SimpleUploadedFile("nq.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
            "collection": str(Collection.get_first_root_node().pk),
        },
    )
    assert response.status_code == 302
    document = Document.objects.get(title="Nghị quyết mẫu")
    served, _ = download(client, document)
    assert served["Content-Disposition"].startswith("attachment")


# A URLconf with media served by Django (SERVE_MEDIA=true on a small site).
urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": None}),
    path("", include("portal.urls")),
]


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_media_files_are_not_sniffed(client, settings, tmp_path, home_page):
    media = tmp_path / "served"
    (media / "images").mkdir(parents=True)
    (media / "images" / "anh.jpg").write_bytes(HTML_PAYLOAD)
    urlpatterns[0].default_args["document_root"] = str(media)
    response = client.get("/media/images/anh.jpg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in response
