"""RSS 2.0 and Atom feeds: parseable, Vietnamese intact, absolute links, Hà Nội time."""

import feedparser
import pytest

from .conftest import vn

pytestmark = pytest.mark.django_db

TITLE = "Ban Chấp hành Tổng Liên đoàn khóa XIII họp Hội nghị lần thứ 4"
LEAD = "Ngày 15/3/2024 tại Hà Nội, Ban Chấp hành họp để bàn việc phát triển đoàn viên."


@pytest.fixture
def two_articles(make_article, policy_category):
    first = make_article(TITLE, published_at=vn(2024, 3, 21, 10, 50), lead=LEAD, byline="Kim Thư")
    second = make_article(
        "Đối thoại về chính sách tiền lương",
        published_at=vn(2024, 2, 29, 6, 35),
        category=policy_category,
        byline="Đỗ Bình",
        tags=["Luật Công đoàn"],
    )
    return first, second


def test_rss_feed(client, two_articles):
    response = client.get("/tin-tuc/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert TITLE.encode() in response.content  # UTF-8, byte for byte, not entities
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert feed.feed.language == "vi"
    first, second = feed.entries
    assert first.title == TITLE
    assert first.link == "http://localhost/tin-tuc/bai-viet-1/"
    assert first.summary == LEAD
    assert first.author == "Kim Thư"
    assert first.published == "Thu, 21 Mar 2024 10:50:00 +0700"
    assert second.published == "Thu, 29 Feb 2024 06:35:00 +0700"
    assert {tag.term for tag in second.tags} == {"Chính sách – Pháp luật", "Luật Công đoàn"}


def test_atom_feed(client, two_articles):
    response = client.get("/tin-tuc/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert TITLE.encode() in response.content
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    assert feed.version == "atom10"
    entry = feed.entries[0]
    assert entry.title == TITLE
    assert entry.summary == LEAD
    assert entry.author == "Kim Thư"
    assert entry.link == "http://localhost/tin-tuc/bai-viet-1/"
    assert entry.published == "2024-03-21T10:50:00+07:00"
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == ["http://localhost/tin-tuc/atom/"]


def test_category_feeds_hold_only_that_category(client, two_articles):
    for kind, version in (("rss", "rss20"), ("atom", "atom10")):
        response = client.get(f"/tin-tuc/chuyen-muc/chinh-sach-phap-luat/{kind}/")
        feed = feedparser.parse(response.content)
        assert feed.version == version
        assert [entry.title for entry in feed.entries] == ["Đối thoại về chính sách tiền lương"]
        assert "Chính sách – Pháp luật" in feed.feed.title
    assert client.get("/tin-tuc/chuyen-muc/khong-co/rss/").status_code == 404
