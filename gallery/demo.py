"""Demo content of the gallery: the library page and one album of drawn pictures (no photo of a
real person), and that album placed in a news article (the "media" body block). Idempotent."""

import uuid
from datetime import date

from home.demo_utils import draw_scene, ensure_child_page, ensure_image, ensure_menu_section

from .models import AlbumPage, AlbumPhoto, GalleryIndexPage

CAPTIONS = [
    "Đại biểu về dự Đại hội VI Công đoàn Viên chức Việt Nam (tranh minh họa).",
    "Phiên khai mạc tại hội trường (tranh minh họa).",
    "Đại biểu biểu quyết thông qua nghị quyết (tranh minh họa).",
    "Ban Chấp hành khóa VI ra mắt Đại hội (tranh minh họa).",
]


def load(home, stdout=None):
    index = ensure_menu_section(
        home,
        GalleryIndexPage,
        "thu-vien-anh-video",
        title="Thư viện ảnh / Video",
        intro="Ảnh và video về hoạt động của Công đoàn Viên chức Việt Nam.",
    )
    album = AlbumPage.objects.child_of(index).first()
    if album is None:
        album = make_album(index)
    place_in_article(home, album)
    return index


def place_in_article(home, album, slug="nam-2024-phan-dau-ket-nap-them-mot-trieu-doan-vien"):
    """The demo article on members gets the album as a card at the end of its body, once."""
    from news.models import NewsArticlePage

    article = NewsArticlePage.objects.descendant_of(home).filter(slug=slug).first()
    if article is None or any(block.block_type == "media" for block in article.body):
        return
    article.body.append(
        ("paragraph", "<p>Ảnh tư liệu về Đại hội ngành trong thư viện ảnh của Công đoàn:</p>")
    )
    article.body.append(("media", {"page": album, "label": ""}, str(uuid.uuid4())))
    article.save_revision(log_action=False).publish(log_action=False)


def make_album(index):
    images = [
        ensure_image(f"Đại hội VI – ảnh {n + 1} (minh họa)", draw_scene(600 + n), alt=caption)
        for n, caption in enumerate(CAPTIONS)
    ]
    album, _created = ensure_child_page(
        index,
        AlbumPage,
        "dai-hoi-vi-cong-doan-vien-chuc-viet-nam",
        title="Đại hội VI Công đoàn Viên chức Việt Nam, nhiệm kỳ 2023–2028",
        date=date(2023, 9, 30),
        intro=(
            "Đại hội họp hai ngày 30/9 và 1/10/2023 với khoảng ba trăm đại biểu. Các ảnh trong "
            "album là tranh minh họa dựng cho bản trình diễn."
        ),
        photos=[
            AlbumPhoto(image=image, caption=caption, sort_order=n)
            for n, (image, caption) in enumerate(zip(images, CAPTIONS, strict=True))
        ],
    )
    return album
