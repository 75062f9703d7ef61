"""What an article card and an article's hero show: the rendition specs, prefetched by every
listing so that an image costs no query of its own."""

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter

__all__ = [
    "CARD_IMAGE_SPEC",
    "CARD_RENDITIONS",
    "HERO_IMAGE_SPEC",
    "LOGO_SPEC",
    "SOCIAL_IMAGE_SPEC",
    "card_queryset",
    "expand_spec",
]

# Renditions the card (`news/includes/article_card.html`) and the article's hero use. Listings
# prefetch exactly these, so an image costs no query of its own.
CARD_IMAGE_SPEC = "format-{avif,webp,jpeg} width-{400,800}"
HERO_IMAGE_SPEC = "format-{avif,webp,jpeg} width-{480,800,1200}"
SOCIAL_IMAGE_SPEC = "fill-1200x675|format-jpeg"
LOGO_SPEC = "fill-256x256|format-png"


def expand_spec(spec):
    return Filter().expand_spec(spec)


CARD_RENDITIONS = expand_spec(CARD_IMAGE_SPEC)


def card_queryset(queryset, tags=True):
    """Everything an article card shows, in a fixed number of queries whatever the page size:
    the category and hero image joined in the same query, the image renditions in one more and
    (when the list shows them) the tags in one more."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=CARD_RENDITIONS)
    )
    queryset = queryset.select_related("category", "hero_image").prefetch_related(
        Prefetch("hero_image__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )
    return queryset.prefetch_related("tags") if tags else queryset
