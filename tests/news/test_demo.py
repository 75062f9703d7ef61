"""Demo content (the two articles of the brief) and the bulk generator."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision

from news import demo, generate
from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from search.text import fold

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def test_demo_articles_have_their_real_dates_bylines_and_tags(client, home_page):
    demo.load(home_page)
    index = NewsIndexPage.objects.get(slug="tin-tuc")
    assert index.live and index.show_in_menus
    conference = NewsArticlePage.objects.get(byline="Kim Thư")
    assert conference.published_at == datetime(2024, 3, 21, 10, 50, tzinfo=VN)
    assert conference.category.name == "Hoạt động Công đoàn"
    assert {"Đại hội XIII", "phát triển đoàn viên", "Nghị quyết 02"} <= {
        tag.name for tag in conference.tags.all()
    }
    # Tag addresses are unaccented (/tin-tuc/the/dai-hoi-xiii/), not taggit's own slugs.
    assert {"dai-hoi-xiii", "phat-trien-doan-vien", "nghi-quyet-02"} <= {
        tag.slug for tag in conference.tags.all()
    }
    assert conference.hero_image is not None
    assert "Chủ tịch Tổng Liên đoàn" in conference.hero_caption
    organisation = NewsArticlePage.objects.get(byline="Đỗ Bình")
    assert organisation.published_at == datetime(2024, 2, 29, 6, 35, tzinfo=VN)
    assert "1.000.000" in organisation.lead

    html = client.get("/tin-tuc/").content.decode()
    assert html.index(conference.title) < html.index(organisation.title)
    page = client.get(conference.url).content.decode()
    assert "10:50 21/03/2024" in page
    assert organisation.title in page  # picked as related by the editor
    article_2 = client.get(organisation.url).content.decode()
    assert "06:35 29/02/2024" in article_2
    assert "15.000.000" in article_2
    home = client.get("/").content.decode()
    assert conference.title in home


def test_demo_load_is_idempotent(home_page):
    demo.load(home_page)
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        NewsCategory.objects.count(),
    )
    demo.load(home_page)
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        NewsCategory.objects.count(),
    ) == counts


def test_generate_content_makes_live_valid_searchable_articles(client, home_page):
    out = io.StringIO()
    call_command("generate_content", articles=60, stdout=out)
    assert "articles: 60" in out.getvalue()
    articles = NewsArticlePage.objects.live().public()
    assert articles.count() == 60
    # A sound page tree: paths, depths and child counts agree.
    assert Page.find_problems() == ([], [], [], [], [])
    index = NewsIndexPage.objects.get()
    assert index.get_children().count() == index.numchild == 60
    # Varied dates, categories and tags.
    assert articles.values("category").distinct().count() > 1
    assert len({a.published_at.date() for a in articles}) > 30
    assert all(a.tags.exists() for a in articles[:10])
    # Pagination works through them; every article opens.
    assert client.get("/tin-tuc/?page=5").status_code == 200
    assert client.get(articles.first().url).status_code == 200
    # They are in the search index, accent-folded.
    title = articles.first().title
    words = " ".join(fold(title).split()[:4])
    found = NewsArticlePage.objects.live().search(words)
    assert any(hit.title == title for hit in found)
    # A second run adds more without clashing.
    call_command("generate_content", articles=5, stdout=out)
    assert NewsArticlePage.objects.count() == 65
    assert Page.find_problems() == ([], [], [], [], [])


def test_editors_can_open_and_publish_a_generated_article(admin_client, home_page):
    from django.urls import reverse

    generate.generate_articles(3, seed=5)
    article = NewsArticlePage.objects.first()
    assert (
        admin_client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).status_code == 200
    )
    revision = article.save_revision()
    revision.publish()
    assert NewsArticlePage.objects.get(pk=article.pk).live
