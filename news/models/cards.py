"""What an article card and an article's hero show: the rendition specs, prefetched by every
listing so that an image costs no query of its own; and each article's card as the news lists
show it, stored with the article (`ArticleCard`).

A listing's page of twelve cards cost about 65 M instructions to render (a `<picture>` with six
renditions, two page URLs, two dates per card), more than everything else on the page, and the
newest month or a busy tag shows more cards as the archive grows. The lists read each card's
HTML with the article instead (one join), rendered by a list that finds it stale and stored in
one query. A card is stale under the rule of the article's own stored parts
(news/models/article_parts.py): built at another content version of the site (the branding's
`home_sections_version`, moved by every change a public page can show: an article published,
unpublished, moved or deleted, a category, image, rendition, site or the branding saved), or
for another site or language, or in another `CARD_FORMAT`. The version is read with the site
before the articles, so a card built from rows read before a change carries the older version
and is built again by the next render. Previews build cards and never store them.
"""

from django.db import models
from django.template import RequestContext
from django.template.loader import get_template
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from home.cards import with_renditions

from .stored import StoredForArticle, article_key

__all__ = [
    "CARD_IMAGE_SPEC",
    "CARD_ROW",
    "HERO_IMAGE_SPEC",
    "LOGO_SPEC",
    "SOCIAL_IMAGE_SPEC",
    "ArticleCard",
    "card_queryset",
    "listing_cards",
]

# Renditions the card (`news/includes/article_card.html`) and the article's hero use. Listings
# prefetch exactly these, so an image costs no query of its own.
CARD_IMAGE_SPEC = "format-{avif,webp,jpeg} width-{400,800}"
HERO_IMAGE_SPEC = "format-{avif,webp,jpeg} width-{480,800,1200}"
SOCIAL_IMAGE_SPEC = "fill-1200x675|format-jpeg"
LOGO_SPEC = "fill-256x256|format-png"

# The card's markup without the fragment cache around it: what is stored is built from the rows.
CARD_TEMPLATE = "news/includes/article_card_markup.html"
# Part of the key: a change to the card's markup (or to what it shows) makes every stored one stale.
CARD_FORMAT = 1
LISTING_HEADING_LEVEL = 2


def card_queryset(queryset, tags=True):
    """Everything an article card shows, in a fixed number of queries whatever the page size:
    the category and hero image joined in the same query, the image renditions in one more and
    (when the list shows them) the tags in one more."""
    queryset = with_renditions(queryset.select_related("category"), "hero_image", CARD_IMAGE_SPEC)
    return queryset.prefetch_related("tags") if tags else queryset


class ArticleCard(StoredForArticle):
    """An article's card as the news lists show it (`html`) and what it was built for (`key`:
    its format, the site, the site's content version, the language)."""

    page = article_key("stored_card")
    html = models.TextField()

    class Meta:
        verbose_name = verbose_name_plural = _("Thẻ bài viết lưu sẵn")


# What a list reads of each of its articles (listing_cards).
CARD_ROW = ("pk", "stored_card__key", "stored_card__html")


def listing_cards(rows, request, branding):
    """The cards of a list's articles, in order, from its rows (`values_list(*CARD_ROW)`: each
    article's id and stored card): the stored ones when they were built for this site, content
    version and language; the others read with their category, image and renditions, rendered
    and stored in one query (unless this is a preview)."""
    key = None
    if not getattr(request, "is_preview", False) and branding is not None and branding.pk:
        version = branding.home_sections_version
        key = [CARD_FORMAT, branding.site_id, version, translation.get_language()]
    cards = {pk: html for pk, stored_key, html in rows if key and stored_key == key}
    stale = [pk for pk, _, _ in rows if pk not in cards]
    if stale:
        articles = ArticleCard._meta.get_field("page").related_model.objects  # NewsArticlePage
        built = []
        template = get_template(CARD_TEMPLATE).template
        context = RequestContext(request)
        with context.bind_template(template):  # the context processors run once
            for article in card_queryset(articles.filter(pk__in=stale), tags=False):
                with context.push(article=article, heading_level=LISTING_HEADING_LEVEL):
                    html = template.render(context)
                cards[article.pk] = html
                built.append(ArticleCard(page_id=article.pk, key=key, html=html))
        if key and built:
            # In id order: two lists storing the same cards at once lock their rows in the same
            # order (PostgreSQL).
            ArticleCard.objects.bulk_create(
                sorted(built, key=lambda card: card.page_id),
                update_conflicts=True,
                unique_fields=["page"],
                update_fields=["key", "html"],
            )
    # Written by the card's template, escaped there.
    return [mark_safe(cards[pk]) for pk, _, _ in rows if pk in cards]  # noqa: S308
