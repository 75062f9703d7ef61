"""Page parts every page type shares, written once: an optional image link, the hero image
(fields, admin panel and the text alternative a template shows), the opening paragraph. Share
links are one include, `includes/share.html`; card querysets are in `home.cards`."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.models import Page

from portal.fields import optional_link, optional_long_text, optional_rich_text, optional_text

__all__ = [
    "HeroImageMixin",
    "field_group",
    "hero_panel",
    "intro_panels",
    "optional_image",
    "plain_intro",
    "rich_intro",
]

# Every page type's opening paragraph has the same name in the edit form; its help text says what
# it is for on that page.
INTRO_LABEL = _("Đoạn mở đầu")
INTRO_HELP = _("Một vài câu ở đầu trang, dưới tiêu đề.")


def plain_intro(help_text=INTRO_HELP, *, max_length=600):
    """A page's opening paragraph in plain text (`intro`), which the editor may leave empty."""
    return optional_long_text(INTRO_LABEL, help_text, max_length=max_length)


def rich_intro(help_text=INTRO_HELP, *, lists=False):
    """A page's opening paragraph with bold, italic and links (and lists, if `lists`)."""
    return optional_rich_text(INTRO_LABEL, help_text, lists=lists)


def optional_image(verbose_name, help_text):
    """A link to an image of the library that may be left empty. Deleting the image empties the
    link and keeps the page or snippet; images get no reverse accessor."""
    return optional_link("wagtailimages.Image", verbose_name, help_text)


class HeroImageMixin(models.Model):
    """A landscape image at the head of a page, also used on its cards and when it is shared, and
    the words that replace it for readers who cannot see it."""

    hero_image = optional_image(
        _("Ảnh đầu trang"),
        _(
            "Ảnh ngang (tỉ lệ 16:9), rộng tối thiểu 1200 px; hiện đầu trang, trên thẻ và khi "
            "chia sẻ."
        ),
    )
    hero_alt = optional_text(
        _("Mô tả ảnh cho người khiếm thị"),
        _("Tả nội dung ảnh trong một câu. Bỏ trống để dùng mô tả của ảnh trong thư viện."),
    )

    class Meta:
        abstract = True

    @property
    def hero_alt_text(self):
        """The page's own description of its image, else the image library's (its description,
        else its title)."""
        if self.hero_alt:
            return self.hero_alt
        return self.hero_image.default_alt_text if self.hero_image_id else ""


def field_group(heading, *names):
    """A titled group of fields shown together in the edit form, in the order named."""
    return MultiFieldPanel([FieldPanel(name) for name in names], heading)


def hero_panel(*extra_panels):
    """The admin panel of the hero image: the image, any page-specific fields (a caption), and
    its description."""
    return MultiFieldPanel(
        [FieldPanel("hero_image"), *extra_panels, FieldPanel("hero_alt")], _("Ảnh đầu trang")
    )


def intro_panels(note, *more_panels):
    """The content panels of a page that introduces what it lists: the title (Wagtail's own),
    the `intro` field, a `note` telling the editor where the listed items come from, then any
    more panels."""
    return [*Page.content_panels, FieldPanel("intro"), HelpPanel(content=note), *more_panels]
