"""Which cached pages show a page: the tags (generation.py) a change of that page purges.

For a page, whatever its type:
- its own URL and everything below it (children show its title in their breadcrumbs);
- every ancestor's URL (home and the index above it list it);
- the pages that reference it in Wagtail's reference index (rich-text links, page choosers,
  editor-picked related items) and the pages it references (a document lists the articles that
  mention it);
- the site-wide listings of PAGE_CACHE_LISTING_PATHS (the sitemap, search);
- unless the page type says exactly what shows it (`page_cache_dependents()`, below), the whole
  section it sits in (the first folder: section navigation lists its pages).

A page type may define `page_cache_dependents(self)`, returning more (kind, page id, suffix)
items ("path" or "tree", the id of the page whose URL the suffix follows), or None when a change
cannot be attributed; with `page_cache_precise = True` the section rule is left out.

None (purge everything) for a page in the menus (every page shows the menus), a site's home page,
a page referenced by anything other than a page (a menu, a setting, a snippet), or more tags than
PAGE_CACHE_PURGE_MAX_TAGS.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from wagtail.models import Page, ReferenceIndex, Site

from .generation import path_tag, tree_tag

Item = tuple[str, int, str]


def page_model(model: type[Model]) -> bool:
    return issubclass(model, Page)


_parent_field_cache: dict[type[Model], str | None] = {}


def page_parent_field(model: type[Model]) -> str | None:
    """The ParentalKey of a row that belongs to a page (tags, inline items), or None."""
    if model not in _parent_field_cache:
        from modelcluster.fields import ParentalKey

        _parent_field_cache[model] = next(
            (
                field.name
                for field in model._meta.get_fields()
                if isinstance(field, ParentalKey)
                and isinstance(field.related_model, type)
                and page_model(field.related_model)
            ),
            None,
        )
    return _parent_field_cache[model]


def _site_paths(url_path: str) -> list[str]:
    """The paths of a page (Page.url_path) on every site it belongs to."""
    found = []
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            found.append("/" + url_path[len(root.root_path) :])
    return found


def _referencing(page: Page, page_type: ContentType) -> tuple[set[int], bool]:
    """Ids of the pages that reference `page` or that it references; False when something other
    than a page references it."""
    ids: set[int] = set()
    for base_type, object_id in ReferenceIndex.get_references_to(page).values_list(
        "base_content_type_id", "object_id"
    ):
        if base_type != page_type.pk:
            return ids, False
        ids.add(int(object_id))
    ids.update(
        int(object_id)
        for object_id in ReferenceIndex.get_references_for_object(page)
        .filter(to_content_type=page_type)
        .values_list("to_object_id", flat=True)
    )
    return ids, True


def page_tags(page: Page) -> set[str] | None:
    """The tags to purge when `page` (as it is in the database or about to be saved) changes."""
    if page.show_in_menus:
        return None
    own_paths = _site_paths(page.url_path or "")
    if not own_paths:
        return set()  # on no site: no public page shows it
    if "/" in own_paths:
        return None  # a site's home page: every page shows its title in breadcrumbs
    specific = page.specific_deferred if type(page) is Page else page
    items: list[Item] = []
    extra = getattr(specific, "page_cache_dependents", None)
    if extra is not None:
        more: Iterable[Item] | None = extra()
        if more is None:
            return None
        items.extend(more)
    tags = {tree_tag(path) for path in own_paths}
    if not getattr(specific, "page_cache_precise", False):
        tags.update(tree_tag("/" + path.split("/")[1] + "/") for path in own_paths)
    tags.update(tree_tag(path) for path in settings.PAGE_CACHE_LISTING_PATHS)

    page_type = ContentType.objects.get_for_model(Page)
    referencing, attributable = _referencing(page, page_type) if page.pk else (set(), True)
    if not attributable:
        return None
    ancestor_paths = [page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)]
    ids = referencing | {item_id for _, item_id, _ in items if item_id != page.pk}
    url_paths = dict(Page.objects.filter(pk__in=ids).values_list("pk", "url_path")) if ids else {}
    for url_path in Page.objects.filter(path__in=ancestor_paths).values_list("url_path", flat=True):
        tags.update(path_tag(path) for path in _site_paths(url_path))
    for pk in referencing:
        tags.update(path_tag(path) for path in _site_paths(url_paths.get(pk, "")))
    for kind, item_id, suffix in items:
        bases = own_paths if item_id == page.pk else _site_paths(url_paths.get(item_id, ""))
        make = tree_tag if kind == "tree" else path_tag
        tags.update(make(base + suffix) for base in bases)
    if len(tags) > settings.PAGE_CACHE_PURGE_MAX_TAGS:
        return None
    return tags


def urls_for_tags(tags: Iterable[str]) -> list[str]:
    """The absolute URLs of tagged paths on every site (for a CDN in front), folders as they are."""
    roots = {site.root_url for site in Site.get_site_root_paths()}
    paths = sorted({tag[2:] for tag in tags})
    return [root + path for root in sorted(roots) for path in paths]
