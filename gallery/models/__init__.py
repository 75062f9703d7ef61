"""The photo and video library: an index page, albums (pages holding ordered photos) and videos
(a YouTube video loaded only on click, through youtube-nocookie, or an uploaded file)."""

from .album import AlbumPage, AlbumPhoto
from .index import GalleryIndexPage, album_cards, video_cards
from .video import VideoPage, youtube_id

__all__ = [
    "AlbumPage",
    "AlbumPhoto",
    "GalleryIndexPage",
    "VideoPage",
    "album_cards",
    "video_cards",
    "youtube_id",
]
