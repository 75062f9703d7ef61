"""Publishing one article purges the pages that show it, and only those (issue 20, item 3).

Every page that shows the article is served fresh (a miss, with the change) on the next request
after the publish; the rest of the site is still answered from the cache (a hit)."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.test import Client
from django.utils.text import slugify
from wagtail.models import Page

from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage, NewsArticleRelatedArticle
from portal.pagecache import generation
from search.text import fold
from tests.page_cache import cache_status

from .conftest import in_another_process

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

OLD_TITLE = "Hội nghị Ban Chấp hành lần thứ 4"
NEW_TITLE = "Hội nghị Ban Chấp hành khóa XIII bàn về một triệu đoàn viên"
TAG = "Nghị quyết 02"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def warm(client, url):
    """Request twice: the second answer must come from the cache, so the test can fail."""
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200, url
    assert cache_status(response) == "hit", f"{url} is not cached to begin with"
    return response.content.decode()


def article(parent, title, *, published=None, **fields):
    """An article under `parent`, its slug made from its title as the admin makes it;
    `published` is the date and time it bears in Vietnam, "YYYY-MM-DD HH:MM"."""
    if published:
        fields["published_at"] = datetime.fromisoformat(published).replace(tzinfo=VIETNAM)
    return NewsArticlePageFactory(parent=parent, title=title, slug=slugify(fold(title)), **fields)


@pytest.fixture
def newsroom(news_index, union_category, policy_category):
    """The changed article, one that shares a tag with it, one that links to it, one unrelated."""

    def news(title, category, published, **fields):
        return article(news_index, title, category=category, published=published, **fields)

    changed = news(OLD_TITLE, union_category, "2024-03-21 10:50", tags=[TAG])
    sharing = news(
        "Ba năm thực hiện Nghị quyết 02", policy_category, "2024-02-29 06:35", tags=[TAG]
    )
    link = f'<p>Xem <a linktype="page" id="{changed.pk}">bài hội nghị</a>.</p>'
    body = json.dumps([{"type": "paragraph", "value": link}])
    linking = news("Công tác tổ chức năm 2024", policy_category, "2024-02-28 15:00", body=body)
    unrelated = news("Tháng Công nhân năm 2024", policy_category, "2024-01-05 08:00")
    tag = changed.tags.get()
    return {
        "changed": changed,
        "sharing": sharing,
        "linking": linking,
        "unrelated": unrelated,
        "index": news_index,
        "tag_url": news_index.url
        + news_index.reverse_subpage("tag_route", kwargs={"slug": tag.slug}),
        "category_url": news_index.url
        + news_index.reverse_subpage("category_route", kwargs={"slug": union_category.slug}),
    }


def publish_change(page):
    page = NewsArticlePage.objects.get(pk=page.pk)
    page.title = NEW_TITLE
    page.slug = "hoi-nghi-bch-khoa-xiii"
    page.save_revision().publish()
    return NewsArticlePage.objects.get(pk=page.pk)


KINDS = {
    # kind: (URL of the page that shows the article, what it must show after the change)
    "itself": (lambda n: n["changed"].url, NEW_TITLE),
    "home": (lambda n: "/", NEW_TITLE),
    "index": (lambda n: n["index"].url, NEW_TITLE),
    "category": (lambda n: n["category_url"], NEW_TITLE),
    "tag": (lambda n: n["tag_url"], NEW_TITLE),
    "month": (lambda n: n["index"].url + "2024/03/", NEW_TITLE),
    "feed": (lambda n: n["index"].url + "rss/", NEW_TITLE),
    "related": (lambda n: n["sharing"].url, NEW_TITLE),
    "linking": (lambda n: n["linking"].url, 'href="/tin-tuc/hoi-nghi-bch-khoa-xiii/"'),
}


def test_every_page_that_shows_the_article_is_fresh_after_its_publish(newsroom):
    """Each kind of page, warm in the cache before one publish, answers fresh (a miss, with the
    change) on its next request. One publish for all of them (the site built once, as a reader
    finds it); every kind that fails is named."""
    reader = Client()
    urls = {kind: url_of(newsroom) for kind, (url_of, _) in KINDS.items()}
    for kind, url in urls.items():
        before = warm(reader, url)
        assert KINDS[kind][1] not in before, kind
        if kind != "itself":
            assert OLD_TITLE in before or f'href="{newsroom["changed"].url}"' in before, kind
    changed = publish_change(newsroom["changed"])
    stale = {}
    for kind, url in urls.items():
        response = reader.get(changed.url if kind == "itself" else url)
        if response.status_code != 200 or cache_status(response) != "miss":
            stale[kind] = f"{url}: {response.status_code} {cache_status(response)}"
        elif KINDS[kind][1] not in response.content.decode():
            stale[kind] = f"{url}: does not show the change"
    assert stale == {}, f"pages the publish did not purge: {stale}"


def test_search_results_show_the_change(newsroom):
    """Search answers with a query are never kept whole; their remembered result windows are."""

    def titles():
        response = reader.get("/tim-kiem/", {"q": "hội nghị ban chấp hành"})
        assert response.status_code == 200
        return [hit.title for hit in response.context["results"].object_list]

    reader = Client()
    assert titles() == titles() == [OLD_TITLE]
    publish_change(newsroom["changed"])
    assert titles() == [NEW_TITLE]


def test_a_moved_away_slug_and_an_unpublished_article_leave_no_copy(newsroom):
    reader = Client()
    old_url = newsroom["changed"].url
    warm(reader, old_url)
    warm(reader, newsroom["tag_url"])
    changed = publish_change(newsroom["changed"])
    assert reader.get(old_url).status_code == 404
    warm(reader, changed.url)
    changed.unpublish()
    assert reader.get(changed.url).status_code == 404
    response = reader.get(newsroom["tag_url"])
    assert cache_status(response) == "miss" and NEW_TITLE not in response.content.decode()


def test_unrelated_pages_stay_cached_after_an_article_is_published(newsroom, home_page):
    reader = Client()
    unrelated = newsroom["unrelated"]
    other = Page(title="Liên hệ", slug="lien-he")
    home_page.add_child(instance=other)
    other.save_revision().publish()
    for url in (unrelated.url, other.url):
        warm(reader, url)
    publish_change(newsroom["changed"])
    for url in (unrelated.url, other.url):
        response = reader.get(url)
        assert cache_status(response) == "hit", f"{url} was purged by an unrelated publish"
    assert cache_status(reader.get("/")) == "miss"


def test_a_change_to_the_menu_or_settings_still_purges_everything(newsroom, site):
    from home.models import SiteBranding

    reader = Client()
    unrelated = newsroom["unrelated"].url
    warm(reader, unrelated)
    branding = SiteBranding.for_site(site)
    branding.footer_note = "Ghi rõ nguồn khi trích dẫn."
    branding.save()
    response = reader.get(unrelated)
    assert cache_status(response) == "miss"
    assert "Ghi rõ nguồn khi trích dẫn." in response.content.decode()


def test_an_editor_picked_related_article_follows_the_change(newsroom, news_index):
    picker = article(
        news_index,
        "Phát triển đoàn viên",
        related_articles=[NewsArticleRelatedArticle(article=newsroom["changed"])],
    )
    reader = Client()
    assert OLD_TITLE in warm(reader, picker.url)
    publish_change(newsroom["changed"])
    response = reader.get(picker.url)
    assert cache_status(response) == "miss" and NEW_TITLE in response.content.decode()


# The purge travels in the generation file every process reads (portal/pagecache/generation.py),
# never through the database: CI runs this once, in the SQLite phase.
@pytest.mark.engine_independent
def test_a_narrow_purge_from_another_process_reaches_this_one(page_cache):
    """With the local-memory cache the versions travel in the purge log every process reads."""
    article_path, document_path = "/tin-tuc/mot-bai/", "/van-ban/mot-van-ban/"
    before = generation.page_token(article_path)
    untouched = generation.page_token(document_path)
    code = (
        "from portal.pagecache import generation as g; "
        f"g.bump_tags({{g.path_tag({article_path!r})}})"
    )
    in_another_process(page_cache, code)
    assert generation.page_token(article_path) != before
    assert generation.page_token(document_path) == untouched
    generation.bump_tags({generation.tree_tag("/van-ban/")})
    assert generation.page_token(document_path) != untouched


def test_a_cdn_in_front_gets_the_same_urls_from_a_background_task(
    newsroom, settings, django_capture_on_commit_callbacks
):
    from .test_purges import RecorderBackend

    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.performance.test_purges.RecorderBackend"}
    }
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    RecorderBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        publish_change(newsroom["changed"])
    purged = RecorderBackend.purged
    for path in (newsroom["tag_url"], newsroom["sharing"].url, "/tin-tuc/2024/03/", "/"):
        assert any(url.endswith(path) for url in purged), path
    assert not any(url.endswith(newsroom["unrelated"].url) for url in purged)


def test_after_one_article_is_published_documents_campaigns_and_other_articles_are_hits(
    demo_content,
):
    """The demo site in a warm cache; one article published: every document page, campaign page
    and article that does not show it is still answered from the cache."""
    from wagtail.models import ReferenceIndex

    from campaigns.models import CampaignPage
    from news.factories import NewsCategoryFactory
    from resolutions.models import ResolutionPage

    changed = NewsArticlePage.objects.live().order_by("-published_at").first()
    article(
        changed.get_parent(),
        "Hợp tác quốc tế của Công đoàn",
        category=NewsCategoryFactory(name="Quốc tế", slug="quoc-te"),
    )
    # What shows it legitimately goes cold: articles sharing a tag or picking it, and the pages
    # it links to or that link to it.
    linked = {
        int(pk)
        for pk in ReferenceIndex.get_references_to(changed).values_list("object_id", flat=True)
    } | {
        int(pk)
        for pk in ReferenceIndex.get_references_for_object(changed).values_list(
            "to_object_id", flat=True
        )
    }
    other_articles = (
        NewsArticlePage.objects.live()
        .public()
        .exclude(pk=changed.pk)
        .exclude(tags__in=changed.tags.all())
        .exclude(related_articles__article=changed)
    )
    documents = list(ResolutionPage.objects.live().public())
    campaigns = list(CampaignPage.objects.live().public())
    pages = [p for p in [*documents, *campaigns, *other_articles] if p.pk not in linked]
    assert documents and campaigns and any(isinstance(p, NewsArticlePage) for p in pages)

    reader = Client()
    for page in pages:
        warm(reader, page.url)
    publish_change(changed)
    cold = [page.url for page in pages if cache_status(reader.get(page.url)) != "hit"]
    assert cold == []
    assert NEW_TITLE in reader.get("/").content.decode()


def test_a_published_document_leaves_the_other_documents_cached(library, politburo):
    from resolutions.factories import ResolutionPageFactory

    changed = ResolutionPageFactory(
        parent=library, title="Kế hoạch phát triển đoàn viên", issuing_body=politburo
    )
    other = ResolutionPageFactory(
        parent=library, title="Chương trình Tháng Công nhân", issuing_body=politburo
    )
    reader = Client()
    warm(reader, other.url)
    assert "Kế hoạch phát triển đoàn viên" in warm(reader, library.url)
    changed.title = "Kế hoạch phát triển một triệu đoàn viên"
    changed.save_revision().publish()
    assert cache_status(reader.get(other.url)) == "hit"
    response = reader.get(library.url)
    assert cache_status(response) == "miss"
    assert "Kế hoạch phát triển một triệu đoàn viên" in response.content.decode()


def test_telling_what_shows_an_article_costs_a_bounded_number_of_queries(
    newsroom, news_index, django_assert_max_num_queries
):
    from portal.pagecache.dependents import page_tags

    for n in range(15):
        article(news_index, f"Bài cùng thẻ {n}", tags=[TAG])
    changed = NewsArticlePage.objects.get(pk=newsroom["changed"].pk)
    # content types (cached) + references to + references from + pages by id + ancestors;
    # the article: its index, category slug, tags, alone in category / month, picked by,
    # sharing a tag (one query for all 16 articles)
    with django_assert_max_num_queries(13):
        tags = page_tags(changed)
    assert generation.path_tag(newsroom["sharing"].url) in tags
    assert generation.path_tag(newsroom["unrelated"].url) not in tags
