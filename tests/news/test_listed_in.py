"""Every public list of articles reads `listed_in`, the news index each article keeps on its own
row (news.listing): it must always say exactly what Wagtail's `live().public()` says, through
publishing, unpublishing, scheduling, view restrictions on the article or above it, and moves."""

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.generate import generate_articles
from news.models import NewsArticlePage, NewsArticleTag, NewsIndexPage, public_articles
from tests.public_pages import card_titles

from .conftest import vn

pytestmark = pytest.mark.django_db


def titles_in(client, url):
    html = client.get(url).content.decode()
    return set(card_titles(html))


def assert_lists_match_wagtail():
    expected = {(a.pk, a.get_parent().pk) for a in NewsArticlePage.objects.live().public()}
    assert set(public_articles().values_list("pk", "listed_in")) == expected
    # The copies each tag row keeps for the tag lists (news/models/categories.py) agree.
    for tagged in NewsArticleTag.objects.select_related("content_object"):
        article = tagged.content_object
        assert (tagged.listed_in, tagged.published_at) == (article.listed_in, article.published_at)


def test_publish_unpublish_and_schedule(client, make_article):
    shown = make_article("Tin đã đăng", tags=["đại hội"])
    make_article("Bản nháp", publish=False, tags=["đại hội"])
    make_article(
        "Tin hẹn giờ", go_live_at=timezone.now() + timezone.timedelta(days=3), tags=["đại hội"]
    )
    for url in ("/tin-tuc/", "/tin-tuc/the/dai-hoi/"):
        assert titles_in(client, url) == {"Tin đã đăng"}
    assert_lists_match_wagtail()

    shown.unpublish()
    for url in ("/tin-tuc/", "/tin-tuc/the/dai-hoi/"):
        assert titles_in(client, url) == set()
    assert_lists_match_wagtail()

    NewsArticlePage.objects.get(pk=shown.pk).save_revision().publish()
    for url in ("/tin-tuc/", "/tin-tuc/the/dai-hoi/"):
        assert titles_in(client, url) == {"Tin đã đăng"}
    assert_lists_match_wagtail()


def test_a_tag_list_is_newest_first_and_follows_new_dates(client, make_article):
    older = make_article("Tin cũ", tags=["đại hội"], published_at=vn(2024, 3, 1))
    make_article("Tin mới", tags=["đại hội"], published_at=vn(2024, 3, 5))
    make_article("Tin thẻ khác", tags=["thi đua"])

    def order():
        html = client.get("/tin-tuc/the/dai-hoi/").content.decode()
        return card_titles(html)

    assert order() == ["Tin mới", "Tin cũ"]
    older.published_at = vn(2024, 3, 9)
    older.save_revision().publish()
    assert order() == ["Tin cũ", "Tin mới"]
    assert_lists_match_wagtail()


def test_a_restriction_on_the_article_or_above_takes_it_out_of_every_list(
    client, make_article, union_category
):
    article = make_article("Tin nội bộ", category=union_category, tags=["đại hội"])
    make_article("Tin công khai", category=union_category)
    category_url = f"/tin-tuc/chuyen-muc/{union_category.slug}/"
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="mk"
    )
    assert titles_in(client, "/tin-tuc/") == {"Tin công khai"}
    assert titles_in(client, category_url) == {"Tin công khai"}
    assert titles_in(client, "/tin-tuc/the/dai-hoi/") == set()
    assert "Tin nội bộ" not in client.get("/tin-tuc/rss/").content.decode()
    assert "Tin nội bộ" not in client.get("/").content.decode()
    assert_lists_match_wagtail()

    restriction.delete()
    assert titles_in(client, "/tin-tuc/") == {"Tin nội bộ", "Tin công khai"}
    assert_lists_match_wagtail()

    # A restriction on the whole section: its articles leave the home page's news too.
    above = PageViewRestriction.objects.create(
        page=article.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    home = client.get("/").content.decode()
    assert "Tin nội bộ" not in home and "Tin công khai" not in home
    assert_lists_match_wagtail()
    above.delete()
    assert "Tin công khai" in client.get("/").content.decode()
    assert_lists_match_wagtail()


def test_a_moved_article_is_listed_by_its_new_index(client, make_article, home_page):
    article = make_article("Tin chuyển mục", tags=["đại hội"])
    archive = NewsIndexPage(title="Tin lưu trữ", slug="tin-luu-tru", page_size=10)
    home_page.add_child(instance=archive)
    archive.save_revision().publish()
    private = NewsIndexPage(title="Tin nội bộ", slug="tin-noi-bo", page_size=10)
    home_page.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    article.move(archive, pos="last-child")
    assert titles_in(client, "/tin-tuc/") == set()
    assert titles_in(client, "/tin-tuc/the/dai-hoi/") == set()
    assert titles_in(client, "/tin-luu-tru/the/dai-hoi/") == {"Tin chuyển mục"}
    assert titles_in(client, "/tin-luu-tru/") == {"Tin chuyển mục"}
    assert_lists_match_wagtail()

    NewsArticlePage.objects.get(pk=article.pk).move(private, pos="last-child")
    assert titles_in(client, "/tin-luu-tru/") == set()
    assert "Tin chuyển mục" not in client.get("/").content.decode()
    assert_lists_match_wagtail()


def test_generated_articles_are_listed_unless_their_index_is_private(news_index):
    generate_articles(5, seed=11)
    assert public_articles(news_index).count() == 5
    assert_lists_match_wagtail()
    PageViewRestriction.objects.create(page=news_index, restriction_type=PageViewRestriction.LOGIN)
    generate_articles(3, seed=12)
    assert public_articles(news_index).count() == 0
    assert_lists_match_wagtail()
