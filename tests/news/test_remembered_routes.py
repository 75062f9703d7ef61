"""Pages routed from remembered pages (portal/pagecache/routes.py), with the page cache off (as for
editors, or a second render in a generation): no query for the route, the view restrictions, the
category, the hero image or the tags, and every publish, slug change, move, privacy change and
unpublish is followed at once. Paths that are not pages are never stored."""

import re

import pytest
from wagtail.models import PageViewRestriction, Site

from news.models import NewsIndexPage
from portal.pagecache import memo

pytestmark = pytest.mark.django_db


def without_nonces(html):
    return re.sub(r'nonce="[^"]+"', 'nonce=""', html)


def remembered_paths(*paths):
    site = Site.objects.get(is_default_site=True)
    _token, found = memo.recall("route", [(site.pk, path) for path in paths])
    return {paths[index] for index in found}


def test_a_second_render_of_an_article_runs_no_query(
    client, make_article, image, settings, django_assert_num_queries
):
    article = make_article("Hội nghị Ban Chấp hành", tags=["đại hội xiii"], hero_image=image)
    client.get("/")  # creates the site settings row (a purge)
    first = client.get(article.url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get(article.url)
    settings.FRAGMENT_CACHE_ENABLED = False
    cold = client.get(article.url)
    html = again.content.decode()
    assert "Hội nghị Ban Chấp hành" in html and "đại hội xiii" in html and "<picture>" in html
    assert without_nonces(html) == without_nonces(cold.content.decode())


def test_the_route_follows_edits_slug_changes_privacy_and_unpublishing(client, make_article):
    article = make_article("Tin cũ")
    old_url = article.url
    assert "Tin cũ" in client.get(old_url).content.decode()

    article.title = "Tin đã sửa"
    article.save_revision().publish()
    assert "Tin đã sửa" in client.get(old_url).content.decode()

    article.slug = "tin-da-sua"
    article.save_revision().publish()
    article.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(article.url).status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=article.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="mk"
    )
    html = client.get(article.url).content.decode()
    assert "Tin đã sửa" not in html and 'name="password"' in html
    restriction.delete()
    assert "Tin đã sửa" in client.get(article.url).content.decode()

    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_a_moved_article_leaves_its_old_address(client, make_article, home_page):
    article = make_article("Tin chuyển mục")
    old_url = article.url
    assert client.get(old_url).status_code == 200
    archive = NewsIndexPage(title="Tin lưu trữ", slug="tin-luu-tru", page_size=10)
    home_page.add_child(instance=archive)
    archive.save_revision().publish()
    article.move(archive, pos="last-child")
    article.refresh_from_db()
    # Wagtail leaves a redirect behind (auto redirects); the page is not served there.
    left = client.get(old_url)
    assert left.status_code == 301 and left["Location"] == article.url
    moved = client.get(article.url)
    assert moved.status_code == 200 and "Tin chuyển mục" in moved.content.decode()


def test_sub_urls_and_children_resolve_from_a_remembered_index(
    client, make_article, union_category
):
    article = make_article("Tin trong chuyên mục", category=union_category)
    client.get("/")  # creates the site settings row (a purge)
    assert client.get("/tin-tuc/").status_code == 200
    assert remembered_paths("tin-tuc") == {"tin-tuc"}

    category = client.get(f"/tin-tuc/chuyen-muc/{union_category.slug}/")
    assert category.status_code == 200 and "Tin trong chuyên mục" in category.content.decode()
    # The article under the remembered index is looked up as a child, then remembered itself.
    assert "Tin trong chuyên mục" in client.get(article.url).content.decode()
    assert remembered_paths(article.url.strip("/")) == {article.url.strip("/")}


def test_paths_that_are_not_pages_are_never_stored(client, make_article):
    make_article()
    client.get("/")  # creates the site settings row (a purge)
    for path in ("tin-tuc/khong-co-bai-nay", "khong-co-trang-nay/con"):
        assert client.get(f"/{path}/").status_code == 404
        assert not remembered_paths(path)
    # A sub-URL of a remembered page is stored under the page's own path, never its own.
    assert client.get("/tin-tuc/the/bat-ky/").status_code in (200, 404)
    assert remembered_paths("tin-tuc/the/bat-ky", "tin-tuc") == {"tin-tuc"}


def test_article_cards_follow_edits_on_every_list(client, make_article):
    article = make_article("Tiêu đề đầu tiên")
    client.get("/")  # creates the site settings row (a purge)
    assert "Tiêu đề đầu tiên" in client.get("/tin-tuc/").content.decode()
    article.title = "Tiêu đề đã sửa"
    article.save_revision().publish()
    for url in ("/tin-tuc/", f"/tin-tuc/chuyen-muc/{article.category.slug}/"):
        html = client.get(url).content.decode()
        assert ">Tiêu đề đã sửa</a>" in html and ">Tiêu đề đầu tiên</a>" not in html


def cache_reads(monkeypatch):
    """The keys every cache read of the request asks for (get and get_many)."""
    from django.core.cache import caches

    cache = caches["default"]
    keys = []
    inside_get_many = []
    real_get, real_get_many = cache.get, cache.get_many

    def get(key, *args, **kwargs):
        if not inside_get_many:
            keys.append(key)
        return real_get(key, *args, **kwargs)

    def get_many(many, *args, **kwargs):
        keys.extend(many)
        inside_get_many.append(True)
        try:
            return real_get_many(many, *args, **kwargs)
        finally:
            inside_get_many.pop()

    monkeypatch.setattr(cache, "get", get)
    monkeypatch.setattr(cache, "get_many", get_many)
    return keys


def test_a_second_render_of_an_article_reads_only_what_it_shows(
    client, make_article, image, monkeypatch
):
    """An uncached article read again takes its route, its stored parts and its two fragments
    from the cache: not the site's branding (header, footer and home sections, ~40 KB), neither
    on its own nor inside the remembered site, and not a second copy of its parts inside the
    remembered page (every one of them was unpickled for every render)."""
    article = make_article("Hội nghị Ban Chấp hành", tags=["đại hội xiii"], hero_image=image)
    client.get("/")  # creates the site settings row (a purge)
    client.get(article.url)
    keys = cache_reads(monkeypatch)
    html = client.get(article.url).content.decode()
    assert "Hội nghị Ban Chấp hành" in html and "<picture>" in html
    assert not [key for key in keys if ":site-branding:" in key]
    # The site, the route's prefixes (one lookup), the parts and the two fragments.
    assert len(keys) <= 8, keys

    site = Site.objects.get(is_default_site=True)
    _token, found = memo.recall("site", [("testserver", "80")])
    remembered_site = found[0]
    assert remembered_site.pk == site.pk and remembered_site.root_page.pk == site.root_page_id
    assert not hasattr(remembered_site, "branding_row")
    assert "sitebranding" not in remembered_site._state.fields_cache
    _token, found = memo.recall("route", [(site.pk, article.url.strip("/"))])
    page, _restriction_ids = found[0]
    assert page.pk == article.pk and "stored_parts" not in page._state.fields_cache
    assert page.category == article.category and page.hero_image == image


def test_a_remembered_route_without_its_stored_parts_still_renders_them(
    client, make_article, image, settings, django_assert_max_num_queries
):
    """The parts are remembered on their own; when they are gone from the cache (evicted) but
    the route is not, they are read from their row: one query, the same page."""
    from django.core.cache import caches

    article = make_article("Tin có ảnh", tags=["đại hội xiii"], hero_image=image)
    client.get("/")
    first = client.get(article.url).content.decode()
    for key in list(caches["default"]._cache):
        if ":article-parts:" in key or "template.cache." in key:
            caches["default"].delete(key.split(":", 2)[2])
    with django_assert_max_num_queries(1):  # the article's ArticleParts row
        again = client.get(article.url).content.decode()
    assert without_nonces(again) == without_nonces(first)
