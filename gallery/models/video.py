"""VideoPage: a YouTube video (played through youtube-nocookie, loaded only when the reader asks)
or an uploaded video file served from our own media."""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from home.page_parts import field_group, optional_image, plain_intro
from portal.fields import optional_date, optional_url
from search.index import IntroSearchMixin

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def youtube_id(url):
    """The 11-character video id of a YouTube address, or "" if it is not one."""
    if not url:
        return ""
    parsed = urlparse(url.strip())
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    candidate = ""
    if host == "youtu.be":
        candidate = parsed.path.lstrip("/").split("/")[0]
    elif host in ("youtube.com", "youtube-nocookie.com", "music.youtube.com"):
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [""])[0]
        else:
            parts = [p for p in parsed.path.split("/") if p]
            if len(parts) >= 2 and parts[0] in ("embed", "shorts", "live", "v"):
                candidate = parts[1]
    return candidate if YOUTUBE_ID.match(candidate) else ""


class VideoPage(IntroSearchMixin, Page):
    date = optional_date(_("Ngày"))
    intro = plain_intro(max_length=800)
    youtube_url = optional_url(
        _("Địa chỉ YouTube"),
        _(
            "Ví dụ https://www.youtube.com/watch?v=…  Video chỉ tải (qua youtube-nocookie.com) "
            "khi người xem bấm phát."
        ),
    )
    video_file = models.FileField(
        _("Hoặc tệp video"),
        upload_to="videos/",
        blank=True,
        validators=[FileExtensionValidator(["mp4", "webm"])],
        help_text=_("MP4 (H.264) hoặc WebM, dưới 200 MB. Dùng khi video không có trên YouTube."),
    )
    poster = optional_image(
        _("Ảnh đại diện"), _("Hiện trước khi phát (ảnh của YouTube không được tải trước khi bấm).")
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        field_group(_("Video"), "youtube_url", "video_file", "poster"),
    ]

    parent_page_types = ["gallery.GalleryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = verbose_name_plural = _("Video")

    def clean(self):
        super().clean()
        if self.youtube_url and not youtube_id(self.youtube_url):
            raise ValidationError({"youtube_url": _("Không nhận ra địa chỉ video YouTube này.")})
        if not self.youtube_url and not self.video_file:
            raise ValidationError(_("Nhập địa chỉ YouTube hoặc tải lên một tệp video."))

    @property
    def youtube_video_id(self):
        return youtube_id(self.youtube_url)

    @property
    def embed_url(self):
        video = self.youtube_video_id
        return f"https://www.youtube-nocookie.com/embed/{video}?autoplay=1&rel=0" if video else ""

    @property
    def watch_url(self):
        video = self.youtube_video_id
        return f"https://www.youtube.com/watch?v={video}" if video else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["gallery_index"] = self.get_parent()
        return context
