"""A block that places an album or a video of the library in a body (articles, content pages):
a card with its cover (or poster) and title linking to the album or video page. Nothing is loaded
from a third party: a video is played on its own page, click-to-load through youtube-nocookie."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.blocks import optional_line


class MediaPageChooserBlock(blocks.PageChooserBlock):
    def __init__(self, **kwargs):
        super().__init__(page_type=["gallery.AlbumPage", "gallery.VideoPage"], **kwargs)

    def bulk_to_python(self, values):
        """Every album and video of a body with its card image and renditions at once: at most
        five queries per body, however many blocks, albums and photos. A chosen page that is not
        live keeps its place (so the editor still sees it) but has no `media_kind`: not shown."""
        from wagtail.models import Page

        from .models import AlbumPage, VideoPage, album_cards, video_cards

        ids = list({value for value in values if value is not None})
        if not ids:
            return [None for _value in values]
        found = {
            page.pk: page
            for page in album_cards(AlbumPage.objects.filter(pk__in=ids), len(ids))
            + video_cards(VideoPage.objects.filter(pk__in=ids), len(ids))
        }
        missing = [pk for pk in ids if pk not in found]
        if missing:
            found.update((page.pk, page) for page in Page.objects.filter(pk__in=missing).specific())
        return [found.get(value) if value is not None else None for value in values]


class MediaCardBlock(blocks.StructBlock):
    page = MediaPageChooserBlock(label=_("Album ảnh hoặc video"))
    label = optional_line(_("Tiêu đề hiển thị"), _("Bỏ trống để dùng tên album hoặc video."))

    class Meta:
        icon = "image"
        label = _("Album ảnh / video")
        template = "gallery/blocks/media_card.html"
        description = _(
            "Một album ảnh hoặc video trong thư viện, hiện thành thẻ có ảnh bìa và tên, "
            "dẫn tới trang của nó."
        )
