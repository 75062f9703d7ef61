"""The home page's "Thư viện ảnh / Video" section: shown only when there is an album or a video."""

from .models import AlbumPage, VideoPage, album_cards, video_cards

HOME_ALBUMS, HOME_VIDEOS = 3, 2


def latest_media(request, home_page):
    albums = album_cards(AlbumPage.objects.descendant_of(home_page), HOME_ALBUMS)
    videos = video_cards(VideoPage.objects.descendant_of(home_page), HOME_VIDEOS)
    if not albums and not videos:
        return {}
    return {"latest_media": {"albums": albums, "videos": videos}}
