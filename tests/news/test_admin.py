"""Editors: help text everywhere, tree rules, the admin form, scheduling and previews."""

from datetime import timedelta

import pytest
from django.db import models
from django.urls import reverse
from django.utils import timezone

from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from tests.public_pages import assert_shown

from .admin_forms import article_form_data
from .conftest import post_preview

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [NewsArticlePage, NewsIndexPage, NewsCategory])
def test_every_editor_field_has_help_text(model):
    from wagtail.models import Page

    own = [
        field
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and not field.auto_created
        and getattr(field, "model", None) is model
        and not isinstance(field, models.AutoField)
        and field.name not in {f.name for f in Page._meta.get_fields()}
    ]
    assert own
    missing = [field.name for field in own if not str(getattr(field, "help_text", ""))]
    assert missing == []


def test_articles_live_only_under_a_news_index():
    assert NewsArticlePage.allowed_parent_page_models() == [NewsIndexPage]
    assert NewsIndexPage.allowed_subpage_models() == [NewsArticlePage]
    assert NewsArticlePage.allowed_subpage_models() == []


def test_editor_writes_and_schedules_an_article_in_the_admin(
    admin_client, news_index, union_category
):
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    form = admin_client.get(add_url)
    assert form.status_code == 200
    html = form.content.decode()
    assert "Sapo" in html and "Ngày giờ đăng" in html
    assert "Chuyên mục" in html and "Thẻ" in html

    go_live = timezone.localtime(timezone.now() + timedelta(days=1))
    data = article_form_data(
        union_category.pk,
        title="Hội nghị tổng kết năm",
        body_html="<p>Thân bài.</p>",
        slug="hoi-nghi-tong-ket-nam",
        byline="Thu Hà",
        lead="Sapo của bài viết được lên lịch.",
        tags="tổng kết, Đại hội XIII",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        publish=True,
    )
    response = admin_client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = NewsArticlePage.objects.get(slug="hoi-nghi-tong-ket-nam")
    assert not article.live  # scheduled, not public yet
    assert article.get_latest_revision().approved_go_live_at is not None
    assert {t.name for t in article.get_latest_revision_as_object().tags.all()} == {
        "tổng kết",
        "Đại hội XIII",
    }


def test_preview_renders_like_the_live_page(admin_client, make_article):
    article = make_article("Bài để xem trước", lead="Sapo xem trước.", tags=["Đại hội XIII"])
    url, answer = post_preview(
        admin_client,
        article,
        title="Bài để xem trước (đã sửa)",
        lead="Sapo xem trước.",
        body="Thân bài xem trước.",
        tags="Đại hội XIII",
    )
    assert answer["is_valid"]
    html = admin_client.get(url).content.decode()
    assert_shown(
        html,
        "<h1>Bài để xem trước (đã sửa)</h1>",
        "10:50 21/03/2024",
        "Thân bài xem trước.",
        'class="share"',
    )

    index_preview = reverse("wagtailadmin_pages:view_draft", args=(article.get_parent().pk,))
    assert "Bài để xem trước" in admin_client.get(index_preview).content.decode()


def test_category_snippet_admin_lists_and_chooses(admin_client, union_category):
    listing = admin_client.get(reverse("wagtailsnippets_news_newscategory:list"))
    assert listing.status_code == 200
    assert "Hoạt động Công đoàn" in listing.content.decode()
    chooser = admin_client.get(reverse("wagtailsnippetchoosers_news_newscategory:choose"))
    assert chooser.status_code == 200


@pytest.mark.parametrize("slug", ["rss", "atom", "chuyen-muc", "the", "2024"])
def test_an_article_cannot_take_a_slug_the_index_routes_use(news_index, union_category, slug):
    from django.core.exceptions import ValidationError

    article = NewsArticlePage(title="Bài", slug=slug, lead="Sapo.", category=union_category)
    with pytest.raises(ValidationError) as error:
        news_index.add_child(instance=article)
    assert "trùng với một mục của trang tin tức" in str(error.value)
