"""The demo library (Resolution 02, Congress XIII, filters, home section), built once for this
module (`demo_content`)."""

import re

import pytest

from resolutions.demo import PDF_ONLY_PHRASE
from resolutions.models import CongressPage, ResolutionPage
from tests.public_pages import assert_shown, page_html

from .conftest import titles


@pytest.mark.django_db
def test_demo_resolution_02_is_found_read_and_downloaded(client, demo_content):
    page = ResolutionPage.objects.get(number="02-NQ/TW")
    assert page.url == "/van-ban/nghi-quyet-02-nq-tw/"
    assert page.date_issued.isoformat() == "2021-06-12"
    assert page.issuing_body.name == "Bộ Chính trị"
    for query in ("02-NQ/TW", "02/NQ-TW", "nq 02", "02 nq tw", "Nghị quyết 02"):
        found = titles(client.get("/van-ban/", {"q": query}))
        assert found[0] == page.title, query
    # The phrase is only inside the generated PDF.
    assert PDF_ONLY_PHRASE not in page.summary + str(page.body)
    assert titles(client.get("/van-ban/", {"q": PDF_ONLY_PHRASE})) == [page.title]
    html = client.get(page.url).content.decode()
    assert 'href="#phan-iv"' in html and 'id="phan-iv"' in html
    attachment = page.attachments.get()
    download = client.get(attachment.document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


@pytest.mark.django_db
def test_congress_page_lists_its_documents_by_type(client, demo_content):
    congress = CongressPage.objects.get(slug="dai-hoi-xiii")
    html = page_html(client, congress.url)
    assert_shown(
        html,
        "Đại hội XIII Công đoàn Việt Nam, nhiệm kỳ 2023–2028",
        '<time datetime="2023-12-01">1/12/2023</time>',
        '<time datetime="2023-12-03">3/12/2023</time>',
        "Hà Nội",
    )
    groups = re.findall(r'<h3 id="group-([a-z-]+)">', html)
    assert groups == ["nghi-quyet", "van-kien-dai-hoi"]
    assert "Nghị quyết Đại hội XIII Công đoàn Việt Nam" in html
    # The collection is a facet of the library too.
    assert "Nghị quyết Đại hội XIII Công đoàn Việt Nam, nhiệm kỳ 2023–2028" in titles(
        client.get("/van-ban/", {"bo_suu_tap": "dai-hoi-xiii"})
    )


@pytest.mark.django_db
def test_demo_filters_have_something_to_show(client, demo_content):
    assert titles(client.get("/van-ban/", {"loai": "huong-dan"})) == [
        "Hướng dẫn về công tác phát triển đoàn viên (văn bản mẫu)"
    ]
    assert len(titles(client.get("/van-ban/", {"loai": "chuong-trinh"}))) == 1
    html = client.get("/van-ban/").content.decode()
    assert '<option value="bo-chinh-tri">Bộ Chính trị</option>' in html
    assert '<option value="dai-hoi-xiii">' in html


@pytest.mark.django_db
def test_home_shows_latest_documents(client, demo_content):
    html = client.get("/").content.decode()
    assert "Văn bản mới" in html
    section = html[html.index("Văn bản mới") :]
    assert "Quyết định ban hành quy chế làm việc (văn bản mẫu)" in section
    assert 'href="/van-ban/"' in section
