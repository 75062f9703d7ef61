"""The news index at /tin-tuc/: order, pagination, category/tag/month archives, canonical URLs."""

import pytest
from taggit.models import Tag

from tests.public_pages import card_titles, page_html

from .conftest import vn

pytestmark = pytest.mark.django_db


def test_index_lists_newest_first_and_paginates(client, news_index, make_article):
    news_index.page_size = 2
    news_index.save_revision().publish()
    make_article("Bài cũ nhất", published_at=vn(2024, 1, 5))
    make_article("Bài mới nhất", published_at=vn(2024, 3, 21, 10, 50))
    make_article("Bài ở giữa", published_at=vn(2024, 2, 29, 6, 35))

    first = client.get("/tin-tuc/")
    assert first.status_code == 200
    html = first.content.decode()
    assert card_titles(html) == ["Bài mới nhất", "Bài ở giữa"]
    assert "10:50 21/03/2024" in html
    assert 'href="/tin-tuc/?page=2"' in html

    second = client.get("/tin-tuc/?page=2").content.decode()
    assert card_titles(second) == ["Bài cũ nhất"]
    assert '<link rel="canonical" href="http://localhost/tin-tuc/?page=2">' in second


@pytest.mark.parametrize("page", ["3", "0", "-1", "abc", "1.5", "99999999999999999999"])
def test_a_bad_page_number_is_not_found_not_a_crash(client, news_index, make_article, page):
    news_index.page_size = 2
    news_index.save_revision().publish()
    for _ in range(3):
        make_article()
    assert client.get("/tin-tuc/", {"page": page}).status_code == 404


def test_an_empty_index_says_so(client, news_index):
    response = client.get("/tin-tuc/")
    assert response.status_code == 200
    assert "Chưa có bài viết nào" in response.content.decode()


def test_category_filter(client, news_index, make_article, policy_category):
    make_article("Tin hoạt động")
    make_article("Tin chính sách", category=policy_category)
    html = page_html(client, "/tin-tuc/chuyen-muc/chinh-sach-phap-luat/")
    assert card_titles(html) == ["Tin chính sách"]
    assert "<h1>Chính sách – Pháp luật</h1>" in html
    assert (
        '<link rel="canonical" href="http://localhost/tin-tuc/chuyen-muc/chinh-sach-phap-luat/">'
        in html
    )
    # Its own feeds are advertised next to the site-wide ones.
    assert 'href="http://localhost/tin-tuc/chuyen-muc/chinh-sach-phap-luat/rss/"' in html
    # The category menu marks the current one.
    assert 'href="/tin-tuc/chuyen-muc/chinh-sach-phap-luat/" aria-current="page"' in html
    assert client.get("/tin-tuc/chuyen-muc/khong-co/").status_code == 404


def test_tag_filter_with_ascii_and_vietnamese_slugs(client, news_index, make_article):
    Tag.objects.create(name="Nghị quyết 02", slug="nghi-quyet-02")
    make_article("Bài về Nghị quyết", tags=["Nghị quyết 02"])
    make_article("Bài về đoàn viên", tags=["Đoàn viên mới"])  # a new tag gets an ASCII slug
    make_article("Bài về tập huấn", tags=["Tập huấn"])
    make_article("Bài không thẻ")

    html = client.get("/tin-tuc/the/nghi-quyet-02/").content.decode()
    assert card_titles(html) == ["Bài về Nghị quyết"]
    assert "Thẻ: Nghị quyết 02" in html

    assert Tag.objects.get(name="Đoàn viên mới").slug == "doan-vien-moi"
    response = client.get("/tin-tuc/the/doan-vien-moi/")
    assert response.status_code == 200
    assert card_titles(response.content.decode()) == ["Bài về đoàn viên"]
    # A tag made before slugs were ASCII keeps its Unicode address.
    Tag.objects.filter(name="Tập huấn").update(slug="tập-huấn")
    response = client.get("/tin-tuc/the/tập-huấn/")
    assert response.status_code == 200
    assert card_titles(response.content.decode()) == ["Bài về tập huấn"]
    slug = "doan-vien-moi"
    response = client.get(f"/tin-tuc/the/{slug}/")
    assert response.status_code == 200
    assert card_titles(response.content.decode()) == ["Bài về đoàn viên"]
    assert client.get("/tin-tuc/the/khong-co-the-nay/").status_code == 404


def test_month_archive_uses_vietnam_time(client, news_index, make_article):
    # 23:30 on 31 March in Hà Nội is still March, although it is 16:30 UTC.
    make_article("Cuối tháng Ba", published_at=vn(2024, 3, 31, 23, 30))
    # 00:30 on 1 April in Hà Nội is 17:30 UTC on 31 March: it belongs to April.
    make_article("Đầu tháng Tư", published_at=vn(2024, 4, 1, 0, 30))
    make_article("Tháng Hai", published_at=vn(2024, 2, 29, 6, 35))

    march = client.get("/tin-tuc/2024/03/").content.decode()
    assert card_titles(march) == ["Cuối tháng Ba"]
    assert "Tin tháng 03/2024" in march
    assert card_titles(client.get("/tin-tuc/2024/04/").content.decode()) == ["Đầu tháng Tư"]
    # The archive list offers the months that have articles.
    index_html = client.get("/tin-tuc/").content.decode()
    for month in ("2024/04", "2024/03", "2024/02"):
        assert f'href="/tin-tuc/{month}/"' in index_html
    assert client.get("/tin-tuc/2024/13/").status_code == 404
    assert client.get("/tin-tuc/2024/00/").status_code == 404


def test_index_is_in_the_main_menu_and_advertises_feeds(client, news_index):
    html = client.get("/").content.decode()
    assert 'href="/tin-tuc/"' in html
    index_html = client.get("/tin-tuc/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Tin tức (RSS)" '
        'href="http://localhost/tin-tuc/rss/">' in index_html
    )
    assert 'type="application/atom+xml"' in index_html


def test_sitemap_lists_the_index_and_its_categories(client, news_index, make_article):
    make_article("Tin hoạt động")
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/tin-tuc/</loc>" in xml
    assert "<loc>http://localhost/tin-tuc/chuyen-muc/hoat-dong-cong-doan/</loc>" in xml
    assert "<loc>http://localhost/tin-tuc/bai-viet-1/</loc>" in xml
