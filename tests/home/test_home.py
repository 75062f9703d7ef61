import pytest
from wagtail.models import Page

from home.models import SiteBranding
from tests.public_pages import page_html


@pytest.mark.django_db
def test_empty_home_sections_do_not_render(client, home_page):
    html = client.get("/").content.decode()
    assert 'class="section' not in html


@pytest.mark.django_db
def test_main_navigation_comes_from_the_page_tree(client, home_page):
    child = Page(title="Giới thiệu", slug="gioi-thieu", show_in_menus=True)
    home_page.add_child(instance=child)
    hidden = Page(title="Trang ẩn", slug="an", show_in_menus=False)
    home_page.add_child(instance=hidden)
    html = client.get("/").content.decode()
    assert 'href="/gioi-thieu/"' in html
    assert "Trang ẩn" not in html


@pytest.mark.django_db
def test_404_page_is_vietnamese(client, home_page):
    html = page_html(client, "/khong-co-trang-nay/", status=404)
    assert "Không tìm thấy trang" in html
    assert '<html lang="vi">' in html


@pytest.mark.db_independent
def test_500_page_is_vietnamese_and_needs_no_database(rf):
    from home.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    # The Site's address (localhost in the tests), not the request's Host ("testserver").
    assert "Sitemap: http://localhost/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


@pytest.mark.django_db
def test_sitemap_lists_live_pages_and_no_draft(client, home_page):
    live = home_page.add_child(instance=Page(title="Trang công khai", slug="cong-khai"))
    draft = home_page.add_child(instance=Page(title="Bản nháp", slug="ban-nhap", live=False))
    xml = client.get("/sitemap.xml").content.decode()
    assert "http://localhost/cong-khai/" in xml
    assert "ban-nhap" not in xml
    assert live.live and not draft.live


@pytest.mark.django_db
def test_text_is_stored_in_nfc(site):
    import unicodedata

    branding = SiteBranding.for_site(site)
    branding.banner_title = unicodedata.normalize("NFD", "Công đoàn Việt Nam")
    branding.save()
    branding.refresh_from_db()
    assert branding.banner_title == unicodedata.normalize("NFC", "Công đoàn Việt Nam")


@pytest.mark.django_db
def test_what_editors_type_anywhere_is_stored_in_nfc(home_page):
    """A page of any app (its title, its text and the text inside its body's blocks), a tag and
    an image's title, typed with an input method that sends NFD, are stored in NFC."""
    import unicodedata

    from taggit.models import Tag
    from wagtail.rich_text import RichText

    from home.factories import ImageFactory
    from pages.models import ContentPage

    def nfd(text):
        return unicodedata.normalize("NFD", text)

    def is_nfc(text):
        return text == unicodedata.normalize("NFC", text)

    page = ContentPage(
        title=nfd("Lịch sử Công đoàn Việt Nam"),
        slug="lich-su",
        intro=nfd("Chặng đường xây dựng và trưởng thành."),
        body=[
            ("paragraph", RichText(nfd("<p>Đại hội thành lập năm 1929.</p>"))),
            ("quote", {"text": nfd("Đoàn kết là sức mạnh."), "attribution": nfd("Người xưa")}),
        ],
    )
    home_page.add_child(instance=page)
    page = ContentPage.objects.get(pk=page.pk)
    assert page.title == "Lịch sử Công đoàn Việt Nam" and is_nfc(page.title)
    assert is_nfc(page.intro)
    paragraph, quote = page.body
    assert "Đại hội thành lập" in paragraph.value.source and is_nfc(paragraph.value.source)
    assert is_nfc(quote.value["text"]) and is_nfc(quote.value["attribution"])

    tag = Tag.objects.create(name=nfd("đoàn viên"), slug="doan-vien")
    assert Tag.objects.get(pk=tag.pk).name == "đoàn viên"
    assert Tag.objects.filter(name="đoàn viên").count() == 1
    image = ImageFactory(title=nfd("Hội nghị Ban Chấp hành"))
    assert is_nfc(type(image).objects.get(pk=image.pk).title)
