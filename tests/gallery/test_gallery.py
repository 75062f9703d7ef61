"""The photo and video library: albums with responsive renditions and plain links to the large
photos, videos that load nothing from YouTube before the click, the home page section."""

import re

import pytest
from django.core.cache import cache
from wagtail.test.utils.form_data import inline_formset

from gallery.models import AlbumPage, youtube_id
from tests.admin_pages import publish_in_admin
from tests.pages.conftest import count_queries

from .factories import (
    AlbumPageFactory,
    AlbumPhotoFactory,
    GalleryIndexPageFactory,
    VideoPageFactory,
)


def main(html):
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture
def index(home_page):
    return GalleryIndexPageFactory(parent=home_page)


def album_with_photos(index, count, **kwargs):
    album = AlbumPageFactory(parent=index, **kwargs)
    for _ in range(count):
        AlbumPhotoFactory(page=album)
    return album


@pytest.mark.django_db
def test_an_album_shows_responsive_thumbnails_linked_to_large_photos(client, index):
    album = album_with_photos(index, 3, slug="dai-hoi")
    html = main(client.get(album.url).content.decode())
    links = re.findall(r'<a class="album-grid__link" href="([^"]+)"', html)
    assert len(links) == 3 and all(link.startswith("/media/images/") for link in links)
    assert html.count('type="image/avif"') == 3 and html.count('type="image/webp"') == 3
    assert "Chú thích ảnh" in html
    assert re.search(r"<dialog[^>]*data-viewer", html)
    page_html = client.get(album.url).content.decode()
    assert re.search(r'<script src="/static/gallery/gallery\.js" nonce="[^"]+" defer>', page_html)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_albums_or_photos(
    client, index, django_assert_max_num_queries
):
    album = album_with_photos(index, 1, slug="mot")
    client.get(album.url), client.get(index.url), client.get("/")  # renditions made once
    few = {url: count_queries(client, url) for url in (album.url, index.url, "/")}
    for _ in range(8):
        AlbumPhotoFactory(page=album)
    for n in range(6):
        album_with_photos(index, 2, slug=f"them-{n}")
        VideoPageFactory(parent=index)
    for url in few:
        client.get(url)  # renditions of the new photos
    for url, budget in few.items():
        cache.clear()
        # Album: the photos with their images (1) and renditions (1). Index and home: albums
        # with covers (1), renditions (1), first photos of albums without a cover (1) and their
        # renditions (1), videos with posters (1) and renditions (1), however many.
        with django_assert_max_num_queries(budget):
            assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_a_youtube_video_loads_nothing_from_youtube_before_the_click(client, index):
    video = VideoPageFactory(
        parent=index, slug="hoi-thao", youtube_url="https://youtu.be/abcdefghijk"
    )
    html = client.get(video.url).content.decode()
    assert "<iframe" not in html
    assert "ytimg" not in html and "googlevideo" not in html
    # Only a link (no JS: to YouTube) and where the nocookie player comes from once asked for.
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk" data-video-play' in html
    assert (
        'data-video-embed="https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1&amp;rel=0"'
        in html
    )
    sources = re.findall(r'\b(?:src|srcset|poster)="([^"]+)"', html)
    assert not [s for s in sources if "youtube" in s]


@pytest.mark.db_independent
def test_youtube_addresses_are_recognised():
    for url in (
        "https://www.youtube.com/watch?v=abcdefghijk&t=3",
        "https://youtu.be/abcdefghijk",
        "https://m.youtube.com/watch?v=abcdefghijk",
        "https://www.youtube.com/shorts/abcdefghijk",
        "https://www.youtube-nocookie.com/embed/abcdefghijk",
    ):
        assert youtube_id(url) == "abcdefghijk", url
    assert youtube_id("https://example.com/watch?v=abcdefghijk") == ""
    assert youtube_id("https://www.youtube.com/watch?v=short") == ""


@pytest.mark.django_db
def test_the_home_page_shows_the_library_only_when_there_is_something(client, index):
    assert "Thư viện ảnh / Video" not in main(client.get("/").content.decode())
    album_with_photos(index, 1, title="Hội diễn văn nghệ", slug="hoi-dien")
    html = main(client.get("/").content.decode())
    assert "Thư viện ảnh / Video" in html and "Hội diễn văn nghệ" in html


@pytest.mark.django_db
def test_the_library_shows_each_album_and_video_as_a_card(client, index):
    album = album_with_photos(index, 1, title="Hội diễn văn nghệ", slug="hoi-dien")
    video = VideoPageFactory(parent=index, title="Phóng sự hội thao", slug="hoi-thao")
    html = main(client.get(index.url).content.decode())
    cards = re.findall(r'<article class="card media-card">.*?</article>', html, re.S)
    album_card, video_card = cards
    assert f'href="{album.url}"' in album_card and "Hội diễn văn nghệ" in album_card
    assert "Album ảnh" in album_card and "<picture" in album_card  # its first photo
    assert f'href="{video.url}"' in video_card and "Phóng sự hội thao" in video_card
    # A video without a poster: the blank that says it is a video.
    assert '<span class="badge">Video</span>' in video_card
    assert "media-card__blank--video" in video_card


@pytest.mark.django_db
def test_an_editor_creates_an_album_found_in_search_and_the_sitemap(client, editor, index):
    from wagtail_factories import ImageFactory

    image = ImageFactory()
    client.force_login(editor)
    album = publish_in_admin(
        client,
        AlbumPage,
        index,
        {
            "title": "Hội thao đoàn viên khối cơ quan",
            "slug": "hoi-thao-doan-vien",
            "date": "15/05/2024",
            "intro": "Các môn bóng bàn, cầu lông và kéo co.",
            "cover": "",
            "photos": inline_formset([{"image": image.pk, "caption": "Kéo co"}]),
        },
    )
    assert album.live and album.photos.count() == 1
    client.logout()
    assert "/hoi-thao-doan-vien/</loc>" in client.get("/sitemap.xml").content.decode()
    html = client.get("/tim-kiem/", {"q": "hoi thao doan vien"}).content.decode()
    assert "/hoi-thao-doan-vien/" in html
    assert "Hội thao đoàn viên khối cơ quan" in main(client.get(index.url).content.decode())
