"""AlbumPage: a photo album. Its photos are ordered inline rows (image, caption)."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Orderable, Page

from home.page_parts import optional_image, plain_intro
from portal.fields import link, optional_date, optional_text
from search.index import IntroSearchMixin

THUMB_SPEC = "format-{avif,webp,jpeg} fill-{320x240,640x480}"
LARGE_SPEC = "max-1600x1200"
ALBUM_RENDITIONS = [*Filter().expand_spec(THUMB_SPEC), LARGE_SPEC]


class AlbumPage(IntroSearchMixin, Page):
    date = optional_date(_("Ngày chụp"), _("Ngày diễn ra sự kiện trong ảnh."))
    intro = plain_intro(_("Album nói về sự kiện nào."), max_length=800)
    cover = optional_image(_("Ảnh bìa"), _("Bỏ trống để dùng ảnh đầu tiên của album."))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("cover"),
        InlinePanel("photos", label=_("Ảnh"), heading=_("Ảnh trong album")),
    ]
    folded_body_fields = ("intro", "captions")

    parent_page_types = ["gallery.GalleryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = verbose_name_plural = _("Album ảnh")

    def captions(self):
        return " ".join(photo.caption for photo in self.photos.all() if photo.caption)

    def photo_list(self):
        """The photos with their images and the renditions the page shows: two queries, however
        many photos."""
        renditions = (
            get_image_model().get_rendition_model().objects.filter(filter_spec__in=ALBUM_RENDITIONS)
        )
        return list(
            self.photos.select_related("image").prefetch_related(
                Prefetch("image__renditions", queryset=renditions, to_attr="prefetched_renditions")
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["photos"] = self.photo_list()
        context["gallery_index"] = self.get_parent()
        return context


class AlbumPhoto(Orderable):
    page = ParentalKey(AlbumPage, related_name="photos", on_delete=models.CASCADE)
    image = link("wagtailimages.Image", _("Ảnh"))
    caption = optional_text(
        _("Chú thích"),
        _("Hiện dưới ảnh; bỏ trống để dùng mô tả của ảnh trong thư viện."),
        max_length=300,
    )

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = verbose_name_plural = _("Ảnh")

    @property
    def text(self):
        return self.caption or getattr(self.image, "description", "") or self.image.title
