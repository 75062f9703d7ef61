"""Drafts and articles scheduled for a future go-live time are nowhere public until they go live."""

from datetime import timedelta

import feedparser
import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import NewsArticlePage

from .conftest import vn

pytestmark = pytest.mark.django_db

SECRET = "Bài chưa được công bố"


def public_urls(article_slug="bai-viet-3"):
    return [
        "/",
        "/tin-tuc/",
        "/tin-tuc/chuyen-muc/hoat-dong-cong-doan/",
        "/tin-tuc/the/dai-hoi-xiii/",
        "/tin-tuc/2024/03/",
        "/tin-tuc/rss/",
        "/tin-tuc/atom/",
        "/tin-tuc/chuyen-muc/hoat-dong-cong-doan/rss/",
        "/tin-tuc/chuyen-muc/hoat-dong-cong-doan/atom/",
        "/sitemap.xml",
        "/tin-tuc/bai-viet-1/",  # a published article sharing its tag (related list)
    ]


@pytest.fixture
def visible(make_article, image):
    from taggit.models import Tag

    Tag.objects.create(name="Đại hội XIII", slug="dai-hoi-xiii")
    return make_article(
        "Bài đã đăng", published_at=vn(2024, 3, 20), tags=["Đại hội XIII"], hero_image=image
    )


@pytest.mark.parametrize("kind", ["draft", "scheduled"])
def test_unpublished_articles_are_nowhere_public(client, visible, make_article, image, kind):
    filler = make_article("Bài thứ hai", published_at=vn(2024, 3, 19))
    hidden = make_article(
        SECRET,
        published_at=vn(2024, 3, 25),  # newer than everything: it would lead every list
        tags=["Đại hội XIII"],
        hero_image=image,
        publish=kind == "scheduled",
        go_live_at=timezone.now() + timedelta(days=2) if kind == "scheduled" else None,
    )
    # An editor may even have picked it as related: still not shown.
    visible.related_articles.create(article=hidden)
    visible.save_revision().publish()
    assert not NewsArticlePage.objects.get(pk=hidden.pk).live
    assert filler.live

    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert SECRET not in body, url
        assert f"/{hidden.slug}/" not in body, url
    assert client.get(hidden.url_path.replace("/home", "", 1)).status_code == 404
    assert client.get(f"/tin-tuc/{hidden.slug}/").status_code == 404
    feed = feedparser.parse(client.get("/tin-tuc/rss/").content)
    assert [entry.title for entry in feed.entries] == ["Bài đã đăng", "Bài thứ hai"]


def test_a_scheduled_article_appears_once_its_time_comes(
    client, visible, make_article, monkeypatch
):
    client.get("/tin-tuc/")  # renditions of the visible article's photo made before the clock runs
    # Far enough ahead that the "too early" steps stay too early on a busy machine.
    go_live = timezone.now() + timedelta(minutes=10)
    scheduled = make_article(SECRET, published_at=None, go_live_at=go_live)
    assert SECRET not in client.get("/tin-tuc/").content.decode()
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # too early: nothing
    assert SECRET not in client.get("/tin-tuc/").content.decode()

    # The go-live time passes (the clock moves past it) and cron runs the command.
    later = go_live + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))

    scheduled = NewsArticlePage.objects.get(pk=scheduled.pk)
    assert scheduled.live
    # The displayed date defaults to the scheduled go-live time.
    assert abs(scheduled.published_at - go_live) < timedelta(seconds=1)
    assert SECRET in client.get("/tin-tuc/").content.decode()
    assert SECRET in client.get("/tin-tuc/rss/").content.decode()
    assert client.get(f"/tin-tuc/{scheduled.slug}/").status_code == 200


def test_unpublishing_removes_an_article_everywhere(client, visible):
    assert "Bài đã đăng" in client.get("/tin-tuc/").content.decode()
    visible.unpublish()
    assert "Bài đã đăng" not in client.get("/tin-tuc/").content.decode()
    assert "Bài đã đăng" not in client.get("/tin-tuc/rss/").content.decode()
    assert "Bài đã đăng" not in client.get("/").content.decode()
    # Its month leaves the archive list too (the cached list is cleared on unpublish).
    assert 'href="/tin-tuc/2024/03/"' not in client.get("/tin-tuc/").content.decode()
