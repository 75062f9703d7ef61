"""ASCII slugs from Vietnamese titles (pages and tags made in the admin), and a retry that does
not fail on the slug of a draft autosave left behind."""

import json
import re
import unicodedata
from html import unescape

import pytest
from django.urls import reverse
from taggit.models import Tag

from editorial.slugs import SLUG_FORMATTERS, vietnamese_slugify
from news.models import NewsArticlePage
from tests.news.admin_forms import article_form_data

pytestmark = pytest.mark.django_db

TITLE = "Tập huấn nghiệp vụ công tác Đoàn viên năm 2024"
ASCII = "tap-huan-nghiep-vu-cong-tac-doan-vien-nam-2024"


def article_form(category, *, title=TITLE, slug="", tags="", action="action-publish"):
    return article_form_data(
        category.pk,
        title=title,
        body_html="<p>Nội dung tập huấn.</p>",
        slug=slug,
        tags=tags,
        lead="Sapo của bài tập huấn.",
        **({action: "1"} if action else {}),
    )


def add_url(news_index):
    return reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))


def test_vietnamese_titles_fold_to_ascii_slugs():
    assert vietnamese_slugify(TITLE) == ASCII
    congress = "Đại hội XIII Công đoàn Việt Nam"
    assert vietnamese_slugify(congress) == "dai-hoi-xiii-cong-doan-viet-nam"
    # Text typed in NFD (combining marks) gives the same slug.
    assert vietnamese_slugify(unicodedata.normalize("NFD", TITLE)) == ASCII


def test_the_slug_field_folds_vietnamese_in_the_browser_too(admin_client, news_index):
    html = admin_client.get(add_url(news_index)).content.decode()
    slug_input = re.search(r'<input[^>]*name="slug"[^>]*>', html).group(0)
    # Django leaves a False boolean attribute out: the controller's default (no Unicode) holds.
    assert "allow-unicode-value" not in slug_input
    formatters = json.loads(
        unescape(re.search(r'data-w-slug-formatters-value="([^"]*)"', slug_input)[1])
    )
    patterns = {replacement: pattern for (pattern, _flags), replacement in formatters}
    assert "đ" in patterns["d"] and "Đ" in patterns["d"]
    assert "ậ" in patterns["a"] and "ư" in patterns["u"] and "Ố" in patterns["o"]
    assert len(SLUG_FORMATTERS) == 8


def test_an_article_created_without_a_slug_gets_an_ascii_one(
    admin_client, news_index, union_category
):
    response = admin_client.post(add_url(news_index), article_form(union_category))
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(title=TITLE)
    assert article.slug == ASCII
    assert article.live and article.url.endswith(f"/{ASCII}/")


def test_a_slug_typed_with_vietnamese_letters_is_folded(admin_client, news_index, union_category):
    data = article_form(union_category, slug="tập-huấn-đoàn-viên")
    assert admin_client.post(add_url(news_index), data).status_code == 302
    assert NewsArticlePage.objects.get(title=TITLE).slug == "tap-huan-doan-vien"


def test_tags_made_in_the_admin_get_ascii_slugs(admin_client, news_index, union_category):
    data = article_form(union_category, tags="Tập huấn, Đời sống đoàn viên")
    assert admin_client.post(add_url(news_index), data).status_code == 302
    assert Tag.objects.get(name="Tập huấn").slug == "tap-huan"
    assert Tag.objects.get(name="Đời sống đoàn viên").slug == "doi-song-doan-vien"


def test_two_tags_folding_to_the_same_slug_both_save():
    Tag.objects.create(name="Đoàn")
    second = Tag.objects.create(name="Doan")
    assert Tag.objects.get(name="Đoàn").slug == "doan"
    assert second.slug == "doan_1"


def test_a_retry_steps_past_the_draft_an_abandoned_attempt_left(
    admin_client, news_index, union_category
):
    # The first attempt: autosave created the page (a draft, never published), then the editor
    # left the screen.
    first = admin_client.post(
        add_url(news_index),
        article_form(union_category, action=None),
        headers={"accept": "application/json"},
    )
    assert first.status_code == 200 and first.json()["success"], first.content[:500]
    draft = NewsArticlePage.objects.get(title=TITLE)
    assert draft.slug == ASCII and not draft.live

    # The retry, with the same title (the slug field filled from it in the browser) and Publish.
    retry = admin_client.post(add_url(news_index), article_form(union_category, slug=ASCII))
    assert retry.status_code == 302, retry.content.decode()[:2000]
    published = NewsArticlePage.objects.live().get(title=TITLE)
    assert published.slug == f"{ASCII}-2"
    page = admin_client.get(retry.url).content.decode()
    assert "bản nháp chưa xuất bản" in page
    assert reverse("wagtailadmin_pages:edit", args=(draft.pk,)) in page


def test_a_retry_autosaved_past_the_draft_then_saved_keeps_its_slug(
    admin_client, news_index, union_category
):
    # An abandoned attempt, then a retry with the same title: autosave creates the retry with
    # "-2" while the slug field in the browser still holds the slug made from the title, which the
    # editor's save (on the edit screen autosave moved to) sends.
    for _attempt in range(2):
        autosave = admin_client.post(
            add_url(news_index),
            article_form(union_category, slug=ASCII, action=None),
            headers={"accept": "application/json"},
        )
        assert autosave.status_code == 200 and autosave.json()["success"]
    retry = NewsArticlePage.objects.get(slug=f"{ASCII}-2")
    edit = reverse("wagtailadmin_pages:edit", args=(retry.pk,))
    saved = admin_client.post(edit, article_form(union_category, slug=ASCII, action=None))
    assert saved.status_code == 302, saved.content.decode()[:2000]
    retry.refresh_from_db()
    assert retry.slug == f"{ASCII}-2"
    assert NewsArticlePage.objects.filter(slug=ASCII).count() == 1


def test_a_slug_used_by_a_published_page_is_still_refused(admin_client, news_index, union_category):
    assert admin_client.post(add_url(news_index), article_form(union_category)).status_code == 302
    again = admin_client.post(add_url(news_index), article_form(union_category, slug=ASCII))
    assert again.status_code == 200
    assert NewsArticlePage.objects.filter(title=TITLE).count() == 1
    assert again.context["form"].errors["slug"]


def test_demo_slugs_are_unchanged(demo_content):
    from wagtail.models import Page

    slugs = list(Page.objects.values_list("slug", flat=True))
    assert all(slug.isascii() for slug in slugs)
    assert "tin-tuc" in slugs
