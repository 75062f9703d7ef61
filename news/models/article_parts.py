"""What an article shows from other rows, stored with it: its tags and their links, its category's
link, its feed links, share URL, social image and JSON-LD (written, with the breadcrumb trail),
its hero `<picture>` and its related articles (rendered cards). A first render of an article
runs none of their queries, looks up no rendition and renders no card.

They are built by a render that finds them stale and stored in their own row (`ArticleParts`),
which routing reads with the page (`routed_select_related`: no query of its own). They are stale
when they were built at another content version of the site (the branding's
`home_sections_version`, moved by every change a public page can show: a page published,
unpublished, moved or deleted, a news category, tag, image, rendition, site or the branding
saved or deleted; home/chrome.py), or for another site or language, or in another format
(`FORMAT`). The version is read with the site before anything else is read, so parts built from
rows read before a change carry the older version and are built again by the next render; bulk
writes that send no signals mark it too (news.generate). Previews build them and never store
them. Written with `update()` or an insert that sends no signal: storing them is not a change
anyone sees.
"""

from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .stored import StoredForArticle, article_key

__all__ = ["ArticleParts", "article_parts"]

# Part of the key: a change to what is stored (or how) makes every stored row stale.
FORMAT = 2
HERO_TEMPLATE = "news/includes/article_hero.html"
RELATED_TEMPLATE = "news/includes/related_articles.html"


class ArticleParts(StoredForArticle):
    """An article's stored parts (`parts`) and what they were built for (`key`: their format,
    the site, the site's content version, the language)."""

    page = article_key("stored_parts")
    parts = models.JSONField()

    class Meta:
        verbose_name = verbose_name_plural = _("Phần lưu sẵn của bài viết")


def build(page, request, branding):
    """The parts from the database: plain values, and HTML and JSON-LD written with the request
    (links relative on its site)."""
    from portal.structured_data import page_nodes, written

    parts = page.page_links(request)
    # Written as `{% structured_data %}` would write them, with the breadcrumb trail.
    context = {
        "request": request,
        "page": page,
        "branding": branding,
        "structured_data": parts.pop("structured_data"),
        "category_url": parts.get("category_url"),
    }
    parts["structured_data_written"] = written(page_nodes(context))
    tag_urls = parts.pop("tag_urls")
    parts["article_tags"] = [
        {"name": str(tag.name), "news_url": tag_urls[n] if n < len(tag_urls) else ""}
        for n, tag in enumerate(page.tag_list)
    ]
    parts["hero_html"] = (
        render_to_string(HERO_TEMPLATE, {"page": page}, request=request)
        if page.hero_image_id
        else ""
    )
    related = page.related_pages()
    parts["related_html"] = (
        render_to_string(RELATED_TEMPLATE, {"related": related}, request=request) if related else ""
    )
    return parts


def _store(page_id, key, parts):
    if not ArticleParts.objects.filter(page_id=page_id).update(key=key, parts=parts):
        ArticleParts.objects.bulk_create(
            [ArticleParts(page_id=page_id, key=key, parts=parts)], ignore_conflicts=True
        )


def article_parts(page, request, branding):
    """The article's parts for `request`: stored ones when they were built for this site, content
    version and language, else built (and stored, unless this is a preview)."""
    if getattr(request, "is_preview", False) or branding is None or not branding.pk:
        return build(page, request, branding)
    key = [FORMAT, branding.site_id, branding.home_sections_version, translation.get_language()]
    try:
        stored = page.stored_parts
    except ArticleParts.DoesNotExist:
        stored = None
    if stored is not None and stored.key == key:
        return stored.parts
    parts = build(page, request, branding)
    _store(page.pk, key, parts)
    page.stored_parts = ArticleParts(page_id=page.pk, key=key, parts=parts)
    return parts
