"""GalleryIndexPage ("Thư viện ảnh / Video"): the newest albums and videos as cards."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page

from home.page_parts import plain_intro
from portal.pagecache.privacy import private_q
from search.index import FOLDED_SEARCH_FIELDS, FoldedSearchMixin

from .album import AlbumPage, AlbumPhoto
from .video import VideoPage

CARD_SPEC = "format-{avif,webp,jpeg} fill-{400x300,800x600}"
CARD_RENDITIONS = Filter().expand_spec(CARD_SPEC)
INDEX_SIZE = 24


def _renditions():
    return get_image_model().get_rendition_model().objects.filter(filter_spec__in=CARD_RENDITIONS)


def _own_type(queryset):
    """The queryset's pages found through their content type: SQLite then reads the few pages
    of this type by that index. Joined from the page tree only, it reads every page of the site
    when the type's own table is empty or new (no planner statistics: ~11 ms at 10,000
    articles)."""
    return queryset.type(queryset.model)


def album_cards(queryset, limit):
    """Live, public albums, newest first, each with `card_image` (its cover or first photo)
    and that image's card renditions, and `media_kind` "album" (the library's card,
    gallery/includes/library_card.html): three queries, however many albums and photos."""
    albums = list(
        _own_type(queryset)
        .live()
        .exclude(private_q())
        .order_by("-date", "-first_published_at")
        .select_related("cover")
        .prefetch_related(
            Prefetch("cover__renditions", queryset=_renditions(), to_attr="prefetched_renditions")
        )[:limit]
    )
    need_first = [album.pk for album in albums if album.cover_id is None]
    first_photos = {}
    if need_first:
        photos = (
            AlbumPhoto.objects.filter(page_id__in=need_first, sort_order__isnull=False)
            .order_by("page_id", "sort_order")
            .select_related("image")
            .prefetch_related(
                Prefetch(
                    "image__renditions", queryset=_renditions(), to_attr="prefetched_renditions"
                )
            )
        )
        for photo in photos:
            first_photos.setdefault(photo.page_id, photo.image)
    for album in albums:
        album.card_image = album.cover if album.cover_id else first_photos.get(album.pk)
        album.media_kind = "album"
    return albums


def video_cards(queryset, limit):
    """Live, public videos, newest first, with their posters' card renditions (two queries), as
    `card_image`, and `media_kind` "video"."""
    videos = list(
        _own_type(queryset)
        .live()
        .exclude(private_q())
        .order_by("-date", "-first_published_at")
        .select_related("poster")
        .prefetch_related(
            Prefetch("poster__renditions", queryset=_renditions(), to_attr="prefetched_renditions")
        )[:limit]
    )
    for video in videos:
        video.card_image = video.poster
        video.media_kind = "video"
    return videos


class GalleryIndexPage(FoldedSearchMixin, Page):
    intro = plain_intro()

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + FOLDED_SEARCH_FIELDS
    folded_body_fields = ("intro",)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["gallery.AlbumPage", "gallery.VideoPage"]

    class Meta:
        verbose_name = verbose_name_plural = _("Thư viện ảnh / Video")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["albums"] = album_cards(AlbumPage.objects.child_of(self), INDEX_SIZE)
        context["videos"] = video_cards(VideoPage.objects.child_of(self), INDEX_SIZE)
        return context
