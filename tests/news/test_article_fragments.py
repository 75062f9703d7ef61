"""The article kept in fragments between purges (the page cache off, as for editors or a second
render in a generation): its description and content come from Wagtail's page fragment cache, its
links and structured data are remembered, the header is one fragment per section. Whatever is
kept, readers see every publish and snippet change at once, previews show the draft, and nothing
of one visitor (the CSP nonce, search words) reaches another."""

import re

import pytest

from news.models import NewsIndexPage
from tests.public_pages import assert_shown, json_ld, json_ld_blocks

from .conftest import post_preview

pytestmark = pytest.mark.django_db


def head_title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def test_a_published_edit_reaches_the_description_the_content_and_the_structured_data(
    client, make_article
):
    article = make_article("Tin trước khi sửa", lead="Sapo trước khi sửa.", tags=["đại hội xiii"])
    before = client.get(article.url).content.decode()
    assert client.get(article.url).content.decode().count("Tin trước khi sửa") == before.count(
        "Tin trước khi sửa"
    )

    article.title = "Tin sau khi sửa"
    article.lead = "Sapo sau khi sửa."
    article.save_revision().publish()
    article.tags.set(["nghị quyết 02"])
    article.save_revision().publish()

    html = client.get(article.url).content.decode()
    assert "Tin trước khi sửa" not in html and "Sapo trước khi sửa." not in html
    assert head_title(html).startswith("Tin sau khi sửa –")
    assert_shown(
        html,
        '<meta property="og:title" content="Tin sau khi sửa">',
        '<meta name="description" content="Sapo sau khi sửa.">',
        "<h1>Tin sau khi sửa</h1>",
        '<meta property="article:tag" content="nghị quyết 02">',
    )
    assert ">nghị quyết 02</a>" in html and "đại hội xiii" not in html
    data = json_ld(html)
    assert data["headline"] == "Tin sau khi sửa" and data["keywords"] == ["nghị quyết 02"]


def test_a_renamed_category_or_index_reaches_an_article_kept_in_fragments(
    client, make_article, union_category
):
    article = make_article("Tin có chuyên mục")
    html = client.get(article.url).content.decode()
    assert "Hoạt động Công đoàn" in html

    union_category.name = "Hoạt động các cấp"
    union_category.save()
    index = NewsIndexPage.objects.get()
    index.title = "Tin tức – Sự kiện"
    index.save_revision().publish()

    html = client.get(article.url).content.decode()
    assert "Hoạt động Công đoàn" not in html
    assert '<meta property="article:section" content="Hoạt động các cấp">' in html
    assert json_ld(html)["articleSection"] == "Hoạt động các cấp"
    breadcrumb = re.search(r'<ol class="breadcrumb">(.*?)</ol>', html, re.S).group(1)
    assert "Tin tức – Sự kiện" in breadcrumb and "Hoạt động các cấp" in breadcrumb


def test_a_preview_shows_the_draft_not_the_kept_article(client, admin_client, make_article):
    article = make_article("Bài đang đăng", lead="Sapo đang đăng.", tags=["Đại hội XIII"])
    assert "Bài đang đăng" in client.get(article.url).content.decode()  # now kept
    url, answer = post_preview(
        admin_client,
        article,
        title="Bài nháp chưa đăng",
        lead="Sapo nháp.",
        body="Thân bài nháp.",
        tags="thẻ nháp,",  # a comma: one tag with a space
    )
    assert answer["is_valid"]
    preview = admin_client.get(url).content.decode()
    assert "<h1>Bài nháp chưa đăng</h1>" in preview and "Thân bài nháp." in preview
    assert head_title(preview).startswith("Bài nháp chưa đăng –")
    assert '<meta property="article:tag" content="thẻ nháp">' in preview
    assert json_ld(preview)["headline"] == "Bài nháp chưa đăng"
    assert "Bài đang đăng" not in preview

    live = client.get(article.url).content.decode()
    assert "<h1>Bài đang đăng</h1>" in live and "Bài nháp chưa đăng" not in live
    assert "Thân bài nháp." not in live and "thẻ nháp" not in live


def test_every_reader_gets_their_own_nonce_on_the_structured_data(client, make_article):
    article = make_article("Tin có dữ liệu cấu trúc")
    nonces = []
    for _ in range(2):
        response = client.get(article.url)
        nonce = json_ld_blocks(response.content.decode())[0][0]
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_the_header_never_keeps_a_visitors_search_words(client, make_article):
    article = make_article("Tin về tìm kiếm")
    box = re.compile(r'<input id="header-search-q"[^>]*value="([^"]*)"')
    assert box.search(client.get("/tim-kiem/?q=bao+hiem").content.decode()).group(1) == "bao hiem"
    assert box.search(client.get(article.url).content.decode()).group(1) == ""
    assert box.search(client.get("/tim-kiem/?q=cong+doan").content.decode()).group(1) == "cong doan"
    assert box.search(client.get("/tim-kiem/").content.decode()).group(1) == ""


def test_the_menu_marks_the_section_of_each_page_it_is_kept_for(
    client, make_article, news_index, home_page
):
    from resolutions.models import DocumentLibraryPage

    library = DocumentLibraryPage(title="Văn bản", slug="van-ban", show_in_menus=True)
    home_page.add_child(instance=library)
    library.save_revision().publish()
    article = make_article("Tin trong mục Tin tức")

    def current(path):
        html = client.get(path).content.decode()
        menu = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
        # The menu lists its links twice (the phone menu button's list and the wide row).
        return list(dict.fromkeys(re.findall(r'<a href="([^"]*)" aria-current="page">', menu)))

    for _ in range(2):  # rendered, then from the kept header
        assert current("/") == ["/"]
        assert current(article.url) == ["/tin-tuc/"]
        assert current("/tin-tuc/") == ["/tin-tuc/"]
        assert current("/van-ban/") == ["/van-ban/"]
        assert current("/tim-kiem/") == []


def test_the_kept_article_page_shows_the_partners_in_force_on_the_day(
    client, make_article, home_page, monkeypatch
):
    """The footer's partner strip is part of the article's kept page: a new day renders it
    again, so a partner whose agreement starts tomorrow appears tomorrow, not at the next purge."""
    from datetime import datetime, timedelta

    from django.template import defaulttags
    from django.utils import timezone

    from tests.campaigns.campaign_helpers import days, make_partner, make_programme

    make_programme(home_page)
    make_partner("Đối tác từ hôm nay")
    make_partner("Đối tác từ ngày mai", valid_from=days(1))
    article = make_article("Tin có chân trang")

    def strip(html):
        return html[html.index('class="partner-strip"') :]

    for _ in range(2):  # rendered, then kept
        html = strip(client.get(article.url).content.decode())
        assert 'alt="Đối tác từ hôm nay"' in html and "Đối tác từ ngày mai" not in html

    tomorrow = timezone.now() + timedelta(days=1)

    class Tomorrow(datetime):
        @classmethod
        def now(cls, tz=None):
            return tomorrow.astimezone(tz) if tz else tomorrow.replace(tzinfo=None)

    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    monkeypatch.setattr(defaulttags, "datetime", Tomorrow)
    html = strip(client.get(article.url).content.decode())
    assert 'alt="Đối tác từ ngày mai"' in html and 'alt="Đối tác từ hôm nay"' in html
