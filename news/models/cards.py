"""What an article card and an article's hero show: the rendition specs, prefetched by every
listing so that an image costs no query of its own."""

from home.cards import with_renditions

__all__ = [
    "CARD_IMAGE_SPEC",
    "HERO_IMAGE_SPEC",
    "LOGO_SPEC",
    "SOCIAL_IMAGE_SPEC",
    "card_queryset",
]

# Renditions the card (`news/includes/article_card.html`) and the article's hero use. Listings
# prefetch exactly these, so an image costs no query of its own.
CARD_IMAGE_SPEC = "format-{avif,webp,jpeg} width-{400,800}"
HERO_IMAGE_SPEC = "format-{avif,webp,jpeg} width-{480,800,1200}"
SOCIAL_IMAGE_SPEC = "fill-1200x675|format-jpeg"
LOGO_SPEC = "fill-256x256|format-png"


def card_queryset(queryset, tags=True):
    """Everything an article card shows, in a fixed number of queries whatever the page size:
    the category and hero image joined in the same query, the image renditions in one more and
    (when the list shows them) the tags in one more."""
    queryset = with_renditions(queryset.select_related("category"), "hero_image", CARD_IMAGE_SPEC)
    return queryset.prefetch_related("tags") if tags else queryset
