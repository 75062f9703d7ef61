"""A document's own page: facts, status, table of contents, files, related documents, news."""

from datetime import date
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from resolutions.demo import section as demo_section
from resolutions.models import DocumentStatus, RelationType
from tests.public_pages import json_ld

from .conftest import make_document, make_pdf


def section(kind, number, heading, articles=()):
    """A body section (the demo's builder) with placeholder text."""
    return demo_section(
        kind,
        number,
        heading,
        f"<p>Nội dung {heading}.</p>",
        [(n, h, "<p>Điều khoản.</p>") for n, h in articles],
    )


class _Anchors(HTMLParser):
    """Collects the hrefs inside nav.doc-toc and every id in the document."""

    def __init__(self):
        super().__init__()
        self.in_toc = 0
        self.toc_hrefs, self.ids = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and "doc-toc" in (attrs.get("class") or ""):
            self.in_toc = 1
        elif tag == "nav" and self.in_toc:
            self.in_toc += 1
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if self.in_toc and tag == "a":
            self.toc_hrefs.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "nav" and self.in_toc:
            self.in_toc -= 1


@pytest.mark.django_db
def test_table_of_contents_links_match_section_ids(client, library):
    page = make_document(
        library,
        body=[
            {"type": "paragraph", "value": "<p>Căn cứ Điều lệ Công đoàn Việt Nam.</p>"},
            section("chuong", "I", "Quy định chung", [("1", "Phạm vi"), ("2", "Đối tượng")]),
            section("chuong", "II", "Tổ chức thực hiện", [("3", "Trách nhiệm")]),
            # Same number twice and a section without a number still get unique anchors.
            section("chuong", "II", "Phụ lục trùng số"),
            section("muc", "", "Điều khoản thi hành"),
        ],
    )
    html = client.get(page.url).content.decode()
    parser = _Anchors()
    parser.feed(html)
    targets = [href[1:] for href in parser.toc_hrefs]
    assert targets == [
        "chuong-i",
        "dieu-1",
        "dieu-2",
        "chuong-ii",
        "dieu-3",
        "chuong-ii-2",
        "dieu-khoan-thi-hanh",
    ]
    assert all(parser.ids.count(target) == 1 for target in targets)
    assert len(set(parser.ids)) == len(parser.ids)
    assert '<section class="doc-section" id="chuong-i"' in html
    assert "Căn cứ Điều lệ Công đoàn Việt Nam." in html
    assert "Chương I</span>. Quy định chung" in html


@pytest.mark.django_db
def test_replaced_document_links_to_its_replacement(client, library):
    new = make_document(library, title="Quyết định mới về quy chế", number="15/QĐ-TLĐ")
    old = make_document(library, status=DocumentStatus.REPLACED, replaced_by=new)
    html = client.get(old.url).content.decode()
    assert "Văn bản này đã bị thay thế." in html
    assert f'<a href="{new.url}" class="resolution__replacement">15/QĐ-TLĐ – Quyết định mới' in html
    assert "Bị thay thế" in html
    data = json_ld(html)
    assert data["legislationLegalForce"] == "https://schema.org/NotInForce"


@pytest.mark.django_db
def test_status_replaced_requires_a_replacement(library):
    page = make_document(library)
    page.status = DocumentStatus.REPLACED
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "hãy chọn văn bản thay thế" in str(error.value)
    page.status = DocumentStatus.IN_FORCE
    page.replaced_by = page
    with pytest.raises(ValidationError):
        page.full_clean()


@pytest.mark.django_db
def test_related_documents_show_on_both_sides(client, library):
    resolution = make_document(library, title="Nghị quyết gốc", number="02-NQ/TW")
    programme = make_document(
        library,
        title="Chương trình thực hiện",
        number="1734/CTr-TLĐ",
        related=[(RelationType.IMPLEMENTS, resolution)],
    )
    html = client.get(programme.url).content.decode()
    assert "Hướng dẫn, triển khai thực hiện:" in html
    assert f'<a href="{resolution.url}">02-NQ/TW – Nghị quyết gốc</a>' in html
    html = client.get(resolution.url).content.decode()
    assert "Được hướng dẫn, triển khai bởi:" in html
    assert f'<a href="{programme.url}">1734/CTr-TLĐ – Chương trình thực hiện</a>' in html


@pytest.mark.django_db
def test_attachment_shows_type_size_and_downloads_as_attachment(client, library):
    pdf = make_pdf("Toàn văn", ["Toan van nghi quyet"], filename="toan-van.pdf")
    page = make_document(library, attachments=[pdf])
    html = client.get(page.url).content.decode()
    assert f'href="{pdf.url}" download' in html
    pdf.refresh_from_db()
    assert f"(PDF, {filesizeformat(pdf.file_size)})" in html
    assert "chưa tìm kiếm được" not in html
    response = client.get(pdf.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.django_db
def test_json_ld_and_open_graph_are_escaped(client, library):
    page = make_document(
        library,
        title="Văn bản </script><script>alert(1)</script>",
        summary="Trích yếu có <b>thẻ</b> & ký tự đặc biệt",
        number="3/NQ-TLĐ",
        date_issued=date(2024, 1, 2),
    )
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    data = json_ld(html)
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "3/NQ-TLĐ"
    assert data["legislationDate"] == "2024-01-02"
    assert data["name"] == page.title
    assert '<meta property="og:type" content="article">' in html
    assert "Trích yếu có &lt;b&gt;thẻ&lt;/b&gt; &amp; ký tự đặc biệt" in html


@pytest.mark.django_db
def test_news_that_link_to_the_document_are_listed(client, library, home_page):
    from django.apps import apps

    NewsIndexPage = apps.get_model("news", "NewsIndexPage")
    NewsArticlePage = apps.get_model("news", "NewsArticlePage")
    NewsCategory = apps.get_model("news", "NewsCategory")
    document = make_document(library, title="Nghị quyết 02", number="02-NQ/TW")
    index = NewsIndexPage(title="Tin tức", slug="tin-tuc")
    home_page.add_child(instance=index)
    category = NewsCategory.objects.create(name="Hoạt động", slug="hoat-dong")

    def article(title, slug, live=True):
        page = NewsArticlePage(
            title=title,
            slug=slug,
            lead="Sapo.",
            category=category,
            live=False,
            body=[{"type": "document_link", "value": {"page": document.pk, "label": ""}}],
        )
        index.add_child(instance=page)
        if live:
            page.save_revision().publish()
        return page

    article("Ba năm thực hiện Nghị quyết 02", "ba-nam")
    article("Bài nháp chưa đăng", "nhap", live=False)
    html = client.get(document.url).content.decode()
    assert "Tin bài nhắc đến văn bản này" in html
    assert "Ba năm thực hiện Nghị quyết 02" in html
    assert "Bài nháp chưa đăng" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 8])
def test_document_page_query_budget_does_not_grow(
    client, library, django_assert_max_num_queries, count
):
    targets = [make_document(library) for _ in range(count)]
    files = [make_pdf(f"Tệp {i}", [f"Tep {i}"], filename=f"tep-{i}.pdf") for i in range(count)]
    page = make_document(
        library,
        attachments=files,
        related=[(RelationType.AMENDS, target) for target in targets],
    )
    for _target in targets:
        make_document(library, related=[(RelationType.RELATED, page)])
    client.get(page.url)
    # Routing and site (~6), breadcrumb (1), attachments with their files (1), outgoing and
    # incoming relations (2), referencing pages (1 + view restrictions 1), issuing body (1),
    # site settings and menu (3), content types for the reference index (cached).
    with django_assert_max_num_queries(17):
        response = client.get(page.url)
    html = response.content.decode()
    assert html.count('class="doc-file"') == count
    assert html.count("Sửa đổi, bổ sung:") == count
