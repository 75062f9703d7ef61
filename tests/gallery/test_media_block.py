"""Albums and videos placed in an article body: a card with the cover (or poster) and title
linking to the album or video page, nothing from a third party, an unpublished one not shown,
queries that do not grow with the number of albums, photos or blocks; and an editor places one
through the admin."""

import json
import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage
from tests.news.admin_forms import article_form_data
from tests.pages.conftest import count_queries

from .factories import AlbumPhotoFactory, GalleryIndexPageFactory, VideoPageFactory
from .test_gallery import album_with_photos, main


@pytest.fixture
def gallery(home_page):
    return GalleryIndexPageFactory(parent=home_page)


def media_body(*pages, label=""):
    return json.dumps(
        [{"type": "paragraph", "value": "<p>Mở đầu bài viết.</p>"}]
        + [{"type": "media", "value": {"page": page.pk, "label": label}} for page in pages]
    )


def cards(html):
    return re.findall(r'<p class="media-embed">.*?</p>', main(html), re.S)


@pytest.mark.django_db
def test_an_article_shows_an_album_and_a_video_as_cards(client, gallery, news_index):
    album = album_with_photos(gallery, 2, title="Hội diễn văn nghệ 2024", slug="hoi-dien")
    video = VideoPageFactory(parent=gallery, title="Phóng sự hội thao", slug="hoi-thao")
    article = NewsArticlePageFactory(parent=news_index, body=media_body(album, video))
    html = client.get(article.url).content.decode()
    album_card, video_card = cards(html)
    assert f'href="{album.url}"' in album_card and "Hội diễn văn nghệ 2024" in album_card
    assert "Album ảnh" in album_card
    # The album has no cover: its first photo, in AVIF, WebP and JPEG.
    assert 'type="image/avif"' in album_card and 'type="image/webp"' in album_card
    assert f'href="{video.url}"' in video_card and "Phóng sự hội thao" in video_card
    assert "Video" in video_card
    # Nothing from YouTube on the article: the video plays on its own page, on click.
    assert "<iframe" not in html and "youtube" not in main(html) and "ytimg" not in html


@pytest.mark.django_db
def test_a_label_replaces_the_title_and_an_unpublished_album_is_not_shown(
    client, gallery, news_index
):
    shown = album_with_photos(gallery, 1, title="Album đã đăng", slug="da-dang")
    hidden = album_with_photos(gallery, 1, title="Album nháp", slug="nhap")
    hidden.unpublish()
    body = json.loads(media_body(shown, label="Xem ảnh buổi lễ")) + json.loads(media_body(hidden))
    article = NewsArticlePageFactory(parent=news_index, body=json.dumps(body))
    html = client.get(article.url).content.decode()
    [card] = cards(html)
    assert "Xem ảnh buổi lễ" in card and "Album đã đăng" not in card
    assert "Album nháp" not in main(html)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_albums_photos_or_blocks(
    client, gallery, news_index, django_assert_max_num_queries
):
    album = album_with_photos(gallery, 1, slug="mot")
    article = NewsArticlePageFactory(parent=news_index, slug="bai-anh", body=media_body(album))
    client.get(article.url)  # renditions made once
    budget = count_queries(client, article.url)
    more = []
    for n in range(5):
        more.append(album_with_photos(gallery, 3, slug=f"them-{n}"))
        more.append(VideoPageFactory(parent=gallery))
    for _ in range(8):
        AlbumPhotoFactory(page=album)
    NewsArticlePage.objects.filter(pk=article.pk).update(body=media_body(album, *more))
    client.get(article.url)  # renditions of the new covers
    cache.clear()
    # Whatever the body holds: albums with covers (1) and their renditions (1), the first photos
    # of albums without a cover (1) and their renditions (1), videos with posters (1) and their
    # renditions (1): counted once per body, not per block, album or photo.
    with django_assert_max_num_queries(budget):
        html = client.get(article.url).content.decode()
    assert len(cards(html)) == 11


@pytest.mark.django_db
def test_an_editor_places_an_album_in_an_article(admin_client, gallery, news_index, union_category):
    album = album_with_photos(gallery, 1, title="Đại hội công đoàn cơ sở", slug="dai-hoi-cs")
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    data = article_form_data(
        union_category.pk,
        title="Đại hội công đoàn cơ sở thành công",
        body_html="<p>Đại hội diễn ra trong hai ngày.</p>",
        blocks=[("media", {"page": album.pk, "label": ""})],
        publish=True,
        slug="dai-hoi-cong-doan-co-so",
        byline="",
        lead="Ảnh của đại hội trong thư viện.",
    )
    response = admin_client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article = NewsArticlePage.objects.get(slug="dai-hoi-cong-doan-co-so")
    [card] = cards(admin_client.get(article.url).content.decode())
    assert f'href="{album.url}"' in card and "Đại hội công đoàn cơ sở" in card
