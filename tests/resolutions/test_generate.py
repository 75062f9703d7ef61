"""Demo content, the Congress XIII page, the home section and bulk generation."""

import re
import time

import pytest
from django.core.management import call_command
from wagtail.models import Page

from resolutions.demo import PDF_ONLY_PHRASE, generate_documents
from resolutions.models import CongressPage, ResolutionPage


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


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
    response = client.get(congress.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đại hội XIII Công đoàn Việt Nam, nhiệm kỳ 2023–2028" in html
    assert '<time datetime="2023-12-01">1/12/2023</time>' in html
    assert '<time datetime="2023-12-03">3/12/2023</time>' in html
    assert "Hà Nội" in html
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


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 100])
def test_home_section_query_budget(home_page, library, count, rf, django_assert_max_num_queries):
    from resolutions.home import latest_documents

    generate_documents(count)
    request = rf.get("/")
    # view restrictions, newest documents with issuing body, the library link
    with django_assert_max_num_queries(3):
        context = latest_documents(request, home_page)
        assert [d.issuing_body.name for d in context["latest_documents"]]
    assert len(context["latest_documents"]) == 5


@pytest.mark.django_db
def test_generate_documents_is_fast_and_keeps_the_tree_valid(client, library):
    start = time.monotonic()
    assert generate_documents(300, seed=3) == 300
    elapsed = time.monotonic() - start
    assert elapsed < 20, elapsed
    assert generate_documents(10, seed=4) == 10  # a second run appends, no slug clashes
    assert ResolutionPage.objects.live().count() == 310
    library.refresh_from_db()
    assert library.numchild == 310
    assert Page.find_problems() == ([], [], [], [], [])
    first = ResolutionPage.objects.order_by("path").first()
    response = client.get(first.url)
    assert response.status_code == 200
    assert first.number in response.content.decode()
    # Generated documents are in the search index and in the number lookup.
    assert titles(client.get("/van-ban/", {"q": first.number}))[0] == first.title


@pytest.mark.django_db
def test_generate_content_command_dispatches_documents(home_page):
    with open("/dev/null", "w") as devnull:
        call_command("generate_content", documents=12, stdout=devnull)
    assert ResolutionPage.objects.filter(slug__startswith="vb-mau-").count() == 12
