"""Campaign index and campaign pages: ordering, every block, countdown without JavaScript,
JSON-LD, share links, related news, the home page section."""

import json
import re
from datetime import timedelta

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from campaigns.blocks import campaign_body_blocks
from tests.public_pages import card_titles, json_ld_blocks, page_html

from .campaign_helpers import (
    date,
    days,
    make_campaign,
    make_campaign_index,
    make_image,
    make_partner,
    make_programme,
    today,
)

VIDEO_URL = "https://www.youtube.com/watch?v=campaign-test"


@pytest.fixture
def index_page(home_page):
    return make_campaign_index(home_page)


def titles_in_section(html, section_id):
    section = re.search(rf'id="{section_id}".*?</section>', html, re.S)
    if not section:
        return []
    return card_titles(section.group(0))


@pytest.mark.django_db
def test_index_lists_current_campaigns_first_then_past(client, index_page):
    make_campaign(index_page, "Đã qua lâu", start=date(2020, 1, 1), end=date(2020, 2, 1))
    make_campaign(index_page, "Đã qua gần đây", start=days(-60), end=days(-1))
    make_campaign(index_page, "Sắp tới", start=days(20), end=days(50))
    make_campaign(index_page, "Đang chạy", start=days(-10), end=days(10))
    make_campaign(index_page, "Không hạn", start=days(-5))
    draft = make_campaign(index_page, "Bản nháp", start=days(-1), end=days(5))
    draft.unpublish()

    html = client.get("/chien-dich/").content.decode()
    assert titles_in_section(html, "campaigns-current") == ["Đang chạy", "Không hạn", "Sắp tới"]
    assert titles_in_section(html, "campaigns-past") == ["Đã qua gần đây", "Đã qua lâu"]
    assert html.index("Đang chạy") < html.index("Đã qua gần đây")
    assert "Bản nháp" not in html
    assert "Sắp diễn ra" in html and "Đang diễn ra" in html and "Đã kết thúc" in html


def library_album(home_page, image):
    """An album of the photo library (the "media" block places it in a body)."""
    from tests.gallery.factories import AlbumPageFactory, AlbumPhotoFactory, GalleryIndexPageFactory

    album = AlbumPageFactory(
        parent=GalleryIndexPageFactory(parent=home_page), title="Ảnh hội thao công đoàn"
    )
    AlbumPhotoFactory(page=album, image=image)
    return album


def every_block_body(image, partner):
    """One of each block a campaign editor can pick."""
    return [
        ("paragraph", "<p>Đoạn mở đầu chiến dịch.</p>"),
        ("heading", {"text": "Mục thứ nhất", "level": "h2"}),
        ("image", {"image": image, "caption": "Chú thích ảnh", "alt_text": "", "credit": ""}),
        ("quote", {"text": "Câu nói nổi bật", "attribution": "Người nói"}),
        ("table", {"data": [["Cột 1", "Cột 2"], ["a", "b"]], "first_row_is_table_header": True}),
        ("document_link", {"page": None, "document": None, "label": ""}),
        (
            "timeline",
            {
                "heading": "Chặng đường 95 năm",
                "milestones": [
                    {
                        "date": date(1929, 7, 28),
                        "title": "Thành lập",
                        "text": "Ở Hà Nội.",
                        "image": image,
                    },
                    {
                        "date": date(2024, 7, 28),
                        "title": "Kỷ niệm 95 năm",
                        "text": "",
                        "image": None,
                    },
                ],
            },
        ),
        ("countdown", {"heading": "Lễ kỷ niệm", "target_date": days(12), "past_text": ""}),
        (
            "figures",
            {
                "heading": "Mục tiêu",
                "items": [
                    {"number": "1000000", "unit": "đoàn viên", "label": "Năm 2024"},
                    {"number": "2.50", "unit": "%", "label": "Tăng trưởng"},
                ],
            },
        ),
        ("video", {"video": VIDEO_URL, "caption": "Phim tư liệu"}),
        (
            "gallery",
            {
                "heading": "Bộ ảnh",
                "images": [{"image": image, "caption": "Ảnh 1"}, {"image": image, "caption": ""}],
            },
        ),
        (
            "call_to_action",
            {
                "text": "Đăng ký ngay",
                "page": None,
                "url": "#dang-ky",
                "note": "",
                "style": "primary",
            },
        ),
        ("partner_strip", {"heading": "Đối tác đồng hành", "partners": [partner]}),
        ("signup", {"heading": "", "intro": "Mời bạn đăng ký."}),
    ]


@pytest.mark.django_db
def test_a_page_with_every_block_renders(client, home_page, index_page):
    make_programme(home_page)
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/x" title="Phim"></iframe>',
    )
    image = make_image("Ảnh chiến dịch")
    partner = make_partner("Siêu thị Đồng Hành")
    hidden = make_partner("Đối tác nháp", live=False)
    body = every_block_body(image, partner)
    body[-2][1]["partners"].append(hidden)
    body.append(("media", {"page": library_album(home_page, image), "label": ""}))
    # The test covers every block type the editor is offered (GoalBlock included once added).
    offered = {name for name, _block in campaign_body_blocks()}
    assert offered - {name for name, _value in body} <= {"goal"}, "add the new block here"

    page = make_campaign(
        index_page,
        "Kỷ niệm 95 năm Công đoàn Việt Nam",
        start=days(-10),
        end=days(30),
        slogan="Chín mươi lăm năm đồng hành",
        hero_image=image,
        intro="<p>Giới thiệu chiến dịch.</p>",
        body=[b for b in body if b[0] != "document_link"],
    )
    html = page_html(client, page.url)
    for text in (
        "Chín mươi lăm năm đồng hành",
        "Đoạn mở đầu chiến dịch.",
        "Câu nói nổi bật",
        '<time datetime="1929-07-28">28/7/1929</time>',
        "Kỷ niệm 95 năm",
        "Còn 12 ngày",
        "1.000.000",
        "2,5",
        "youtube-nocookie.com/embed/x",
        "Phim tư liệu",
        'class="gallery__grid"',
        'href="#dang-ky"',
        "Đăng ký ngay",
        "Siêu thị Đồng Hành",
        "Mời bạn đăng ký.",
        'id="dang-ky"',
        '<p class="media-embed">',
        "Ảnh hội thao công đoàn",
    ):
        assert text in html, text
    assert "Đối tác nháp" not in html
    # No inline script other than the nonce'd JSON-LD; the countdown script is a static file.
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or "nonce=" in tag, tag
    assert re.search(r'<script src="/static/campaigns/js/countdown\.js" defer>', html)
    assert " style=" not in html and " onclick=" not in html


def countdown_page(index_page, target, past_text=""):
    return make_campaign(
        index_page,
        "Đếm ngược",
        start=days(-30),
        body=[
            (
                "countdown",
                {"heading": "Đại hội", "target_date": target, "past_text": past_text},
            )
        ],
    )


@pytest.mark.django_db
def test_countdown_says_the_remaining_days_as_plain_text(client, index_page):
    html = client.get(countdown_page(index_page, days(5)).url).content.decode()
    remaining = re.search(r'<p class="countdown__remaining"[^>]*>([^<]*)</p>', html).group(1)
    assert remaining == "Còn 5 ngày"
    assert f'data-countdown="{days(5).isoformat()}"' in html


@pytest.mark.django_db
def test_countdown_after_the_date_says_it_has_happened(client, index_page):
    target = days(-3)
    html = client.get(countdown_page(index_page, target).url).content.decode()
    remaining = re.search(r'<p class="countdown__remaining"[^>]*>([^<]*)</p>', html).group(1)
    assert remaining == f"Sự kiện đã diễn ra ngày {target.day}/{target.month}/{target.year}."
    page = countdown_page(index_page, target, past_text="Lễ kỷ niệm đã diễn ra.")
    assert "Lễ kỷ niệm đã diễn ra." in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_countdown_on_the_day(client, index_page):
    html = client.get(countdown_page(index_page, today()).url).content.decode()
    assert "Hôm nay là ngày diễn ra sự kiện!" in html


@pytest.mark.django_db
def test_past_campaign_says_so(client, index_page):
    page = make_campaign(
        index_page, "Tháng Công nhân 2024", start=date(2024, 5, 1), end=date(2024, 5, 31)
    )
    html = client.get(page.url).content.decode()
    assert "Đã kết thúc" in html
    assert "Chiến dịch này đã kết thúc." in html
    assert (
        '<time datetime="2024-05-01">1/5/2024</time> – <time datetime="2024-05-31">31/5/2024</time>'
        in html
    )


@pytest.mark.django_db
def test_json_ld_event_with_dates_location_and_nonce(client, index_page):
    page = make_campaign(
        index_page,
        "Kỷ niệm 30 năm </script> Công đoàn Viên chức",
        start=date(2024, 1, 1),
        end=date(2024, 7, 2),
        location="Hà Nội",
        slogan="Ba mươi năm",
    )
    response = client.get(page.url)
    html = response.content.decode()
    blocks = json_ld_blocks(html)
    assert blocks, "JSON-LD script with a nonce"
    nonce, text = blocks[0]
    assert nonce in response["Content-Security-Policy"]
    assert "</script> Công" not in text  # escaped, cannot close the tag
    data = json.loads(text)
    assert data["@type"] == "Event"
    assert data["name"] == "Kỷ niệm 30 năm </script> Công đoàn Viên chức"
    assert data["startDate"] == "2024-01-01" and data["endDate"] == "2024-07-02"
    assert data["location"]["name"] == "Hà Nội"
    assert data["url"].endswith(page.url)

    undated = make_campaign(index_page, "Không ngày")
    assert '"@type": "Event"' not in client.get(undated.url).content.decode()


@pytest.mark.django_db
def test_share_links(client, index_page):
    page = make_campaign(index_page, "Chia sẻ", start=days(-1), slug="chia-se")
    html = client.get(page.url).content.decode()
    encoded = "http%3A%2F%2Flocalhost%2Fchien-dich%2Fchia-se%2F"
    assert f"https://www.facebook.com/sharer/sharer.php?u={encoded}" in html
    assert f"https://sp.zalo.me/share_to?url={encoded}" in html
    assert re.search(
        r'<button[^>]*data-copy-url="http://localhost/chien-dich/chia-se/"[^>]*hidden', html
    )


@pytest.mark.django_db
def test_related_news_by_shared_tags(client, home_page, index_page):
    news = pytest.importorskip("news.models")
    from django.utils import timezone

    category = news.NewsCategory.objects.create(name="Hoạt động", slug="hoat-dong")
    news_index = news.NewsIndexPage(title="Tin tức", slug="tin-tuc")
    home_page.add_child(instance=news_index)

    def article(title, tags):
        page = news.NewsArticlePage(
            title=title,
            lead="Tóm tắt.",
            category=category,
            published_at=timezone.now(),
        )
        page.tags.add(*tags)
        news_index.add_child(instance=page)
        return page

    article("Tin Tháng Công nhân", ["Tháng Công nhân"])
    article("Tin không liên quan", ["Thể thao"])
    campaign = make_campaign(index_page, "Tháng Công nhân 2024", start=days(-1))
    campaign.tags.add("Tháng Công nhân")
    campaign.save()

    html = client.get(campaign.url).content.decode()
    related = re.search(r'id="campaign-related".*?</section>', html, re.S).group(0)
    assert "Tin Tháng Công nhân" in related
    assert "Tin không liên quan" not in related


@pytest.mark.django_db
def test_campaign_without_tags_has_no_related_section(client, index_page):
    page = make_campaign(index_page, "Không thẻ", start=days(-1))
    assert 'id="campaign-related"' not in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_home_shows_featured_campaigns_current_first(client, home_page, index_page):
    make_campaign(index_page, "Nổi bật đã qua", start=days(-90), end=days(-30), featured=True)
    make_campaign(index_page, "Nổi bật đang chạy", start=days(-5), end=days(20), featured=True)
    make_campaign(index_page, "Không nổi bật", start=days(-5), end=days(20))
    html = client.get("/").content.decode()
    section = re.search(r'class="section container home-campaigns".*?</section>', html, re.S)
    assert section, "the Chiến dịch section"
    titles = card_titles(section.group(0))
    assert titles == ["Nổi bật đang chạy", "Nổi bật đã qua"]
    assert 'href="/chien-dich/"' in section.group(0)


@pytest.mark.django_db
def test_end_before_start_is_refused(index_page):
    from django.core.exceptions import ValidationError

    page = make_campaign(index_page, "Ngày sai", start=days(1))
    page.end_date = days(-1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Ngày kết thúc phải sau ngày bắt đầu." in str(error.value)


@pytest.mark.db_independent
def test_call_to_action_needs_one_target():
    from django.core.exceptions import ValidationError

    from campaigns.blocks import CallToActionBlock

    block = CallToActionBlock()
    value = block.to_python({"text": "Đi", "page": None, "url": "", "note": "", "style": "primary"})
    with pytest.raises(ValidationError):
        block.clean(value)
    value = block.to_python(
        {"text": "Đi", "page": None, "url": "javascript:alert(1)", "note": "", "style": "primary"}
    )
    with pytest.raises(ValidationError):
        block.clean(value)


@pytest.mark.db_independent
def test_vietnamese_number_format():
    from campaigns.templatetags.campaign_tags import vi_number

    assert vi_number("1000000") == "1.000.000"
    assert vi_number("15000000.00") == "15.000.000"
    assert vi_number("2.50") == "2,5"
    assert vi_number("950") == "950"
    assert vi_number(timedelta) is timedelta  # not a number: left alone
