"""The article page: what a reader sees, its metadata (JSON-LD, Open Graph) and related articles."""

import json
import re

import pytest

from home.models import SiteBranding
from tests.public_pages import assert_shown, json_ld_blocks, page_html

from .conftest import vn

pytestmark = pytest.mark.django_db


def json_ld_of(html):
    blocks = [json.loads(text) for _nonce, text in json_ld_blocks(html)]
    articles = [data for data in blocks if data["@type"] == "NewsArticle"]
    assert len(articles) == 1, "exactly one NewsArticle block, with the CSP nonce"
    return articles[0]


@pytest.fixture
def article(make_article, image):
    return make_article(
        "Hội nghị lần thứ 4 Ban Chấp hành khóa XIII",
        published_at=vn(2024, 3, 21, 10, 50),
        byline="Kim Thư",
        lead="Ngày 15/3/2024, Ban Chấp hành họp Hội nghị lần thứ 4.",
        hero_image=image,
        hero_caption="Chủ tịch Tổng Liên đoàn phát biểu tại Hội nghị.",
        hero_alt="Người phát biểu trên sân khấu hội trường.",
        tags=["Đại hội XIII", "phát triển đoàn viên"],
        body=[
            {"type": "paragraph", "value": "<p>Nội dung thân bài đầu tiên.</p>"},
            {"type": "heading", "value": {"text": "Mục tiêu năm 2024", "level": "h2"}},
        ],
    )


def test_reader_sees_date_byline_lead_photo_caption_and_body(client, article):
    html = page_html(client, article.url)
    assert "<h1>Hội nghị lần thứ 4 Ban Chấp hành khóa XIII</h1>" in html
    assert '<time datetime="2024-03-21T10:50:00+07:00">10:50 21/03/2024</time>' in html
    assert "Kim Thư" in html
    assert (
        '<p class="article__lead">Ngày 15/3/2024, Ban Chấp hành họp Hội nghị lần thứ 4.</p>' in html
    )
    assert "<figcaption>Chủ tịch Tổng Liên đoàn phát biểu tại Hội nghị.</figcaption>" in html
    hero = re.search(r'<figure class="figure news-article__hero">.*?</figure>', html, re.S)[0]
    assert 'alt="Người phát biểu trên sân khấu hội trường."' in hero
    assert 'type="image/avif"' in hero and 'type="image/webp"' in hero
    assert re.search(r'<img [^>]*width="\d+"', hero) and re.search(r'<img [^>]*height="\d+"', hero)
    assert 'loading="lazy"' not in hero  # the hero is the largest paint: never lazy
    assert "Nội dung thân bài đầu tiên." in html
    assert "Mục tiêu năm 2024" in html
    assert 'href="/tin-tuc/the/' in html  # tags link to their archive
    assert 'href="/tin-tuc/chuyen-muc/hoat-dong-cong-doan/"' in html


def test_share_links_need_no_third_party_script(client, article):
    html = client.get(article.url).content.decode()
    encoded = "http%3A%2F%2Flocalhost%2Ftin-tuc%2Fbai-viet-1%2F"
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={encoded}"' in html
    assert f'href="https://sp.zalo.me/share_to?url={encoded}"' in html
    assert re.search(
        r'<button type="button" class="share__copy" '
        r'data-copy-url="http://localhost/tin-tuc/bai-viet-1/"[^>]* hidden>',
        html,
    )
    scripts = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html)
    assert all(src.startswith("/static/") for src in scripts), scripts


def test_json_ld_news_article(client, article, site):
    from wagtail.images import get_image_model

    branding = SiteBranding.for_site(site)
    branding.logo = get_image_model().objects.get()
    branding.save()
    html = client.get(article.url).content.decode()
    data = json_ld_of(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Hội nghị lần thứ 4 Ban Chấp hành khóa XIII"
    assert data["datePublished"] == "2024-03-21T10:50:00+07:00"
    assert data["dateModified"] >= data["datePublished"]
    assert data["author"] == [{"@type": "Person", "name": "Kim Thư"}]
    assert data["mainEntityOfPage"]["@id"] == "http://localhost/tin-tuc/bai-viet-1/"
    assert data["image"][0].startswith("http://localhost/")
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["logo"]["url"].startswith("http://localhost/")
    assert data["articleSection"] == "Hoạt động Công đoàn"
    assert set(data["keywords"]) == {"Đại hội XIII", "phát triển đoàn viên"}


def test_open_graph_description_and_canonical(client, article):
    html = client.get(article.url).content.decode()
    assert_shown(
        html,
        '<meta property="og:type" content="article">',
        '<meta property="article:published_time" content="2024-03-21T10:50:00+07:00">',
        '<meta property="article:author" content="Kim Thư">',
        '<meta property="article:section" content="Hoạt động Công đoàn">',
        '<meta property="article:tag" content="Đại hội XIII">',
    )
    assert re.search(r'<meta property="og:image" content="http://localhost/media/[^"]+">', html)
    assert (
        '<meta name="description" content="Ngày 15/3/2024, Ban Chấp hành họp Hội nghị lần thứ 4.">'
        in html
    )
    assert '<link rel="canonical" href="http://localhost/tin-tuc/bai-viet-1/">' in html
    assert 'type="application/rss+xml" title="Tin tức (RSS)"' in html


def test_a_hostile_title_cannot_break_out_of_the_json_ld(client, make_article):
    title = 'Kiểm tra </script><script>alert("x")</script> & <b>'
    article = make_article(title, lead="Sapo </script> có thẻ")
    html = client.get(article.url).content.decode()
    assert '<script>alert("x")' not in html
    data = json_ld_of(html)
    assert data["headline"] == title
    assert data["description"] == "Sapo </script> có thẻ"


def test_related_articles_editor_picked_first_then_shared_tags_newest_first(client, make_article):
    unrelated = make_article("Không liên quan", published_at=vn(2024, 3, 20), tags=["y tế"])
    older = make_article("Cùng thẻ, cũ", published_at=vn(2024, 1, 2), tags=["Đại hội XIII"])
    newer = make_article("Cùng thẻ, mới", published_at=vn(2024, 3, 1), tags=["Nghị quyết 02"])
    picked = make_article("Biên tập viên chọn", published_at=vn(2023, 5, 5))
    article = make_article("Bài chính", tags=["Đại hội XIII", "Nghị quyết 02"], related=[picked])
    assert [a.title for a in article.related_pages()] == [
        "Biên tập viên chọn",
        "Cùng thẻ, mới",
        "Cùng thẻ, cũ",
    ]
    html = client.get(article.url).content.decode()
    section = re.search(r'<section class="section related".*?</section>', html, re.S)[0]
    assert section.index("Biên tập viên chọn") < section.index("Cùng thẻ, mới")
    assert section.index("Cùng thẻ, mới") < section.index("Cùng thẻ, cũ")
    assert unrelated.title not in section
    assert "Bài chính" not in section
    assert older.pk and newer.pk


def test_related_list_is_capped(make_article):
    for number in range(6):
        make_article(f"Cùng thẻ {number}", tags=["Tháng Công nhân"])
    article = make_article("Bài chính", tags=["Tháng Công nhân"])
    assert len(article.related_pages()) == 4


def test_search_snippet_is_the_plain_lead(make_article):
    article = make_article(lead="Sapo <b>ngắn</b> gọn.")
    assert article.search_snippet_text() == "Sapo ngắn gọn."


def test_article_in_the_sitemap(client, article):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/tin-tuc/bai-viet-1/</loc>" in xml
