"""Wagtail's page routing, started from the deepest page already routed to in this generation.

Wagtail finds the page for `/tin-tuc/some-article/` by walking the tree from the site's root: two
queries per level (the child by slug, then its specific row), then two more for the view
restrictions of the page and its ancestors. That is most of an article's queries, on every render
the page cache does not answer (after each purge, for editors, for visitors with a session).

Here, when a page is routed to, the specific page object, as routing left it (its parent chain
attached), and the ids of the view restrictions that apply to it are remembered under the page's
own path until the next purge (memo.py): any page published, unpublished, moved or deleted, and
any privacy, site or snippet change starts a new generation. A request looks up every prefix of its
path in one cache round trip and hands the deepest page found to that page's own `route()` with
the rest of the path, so routable pages (news categories, tags, archives) resolve their sub-URLs
exactly as Wagtail would, and a child that was never routed to is looked up as usual. Only paths of
real pages are ever stored, never what a visitor typed.

A page type may list, in `remembered_with_route`, attributes read while it renders that come from
other tables (its category, its hero image, its tags); they are read once, before the page is
stored, and travel with it. Their changes purge like everything else. It may list in
`not_remembered_with_route` related rows routing read with it that are remembered on their own.

Off with FRAGMENT_CACHE=0 (and with Wagtail's i18n, whose `localized` routing this does not do).
"""

import copy
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from portal import routing

from . import memo


def _own_components(page: Page, root: Page) -> list[str] | None:
    """The path components of `page` below the site's root page, or None if it is elsewhere."""
    if not page.url_path.startswith(root.url_path):
        return None
    return routing.path_components(page.url_path[len(root.url_path) :])


def _remember(token: str, site: Site, components: list[str], page: Page) -> list[int] | None:
    """Store `page` under its own path, if that path is where this request found it."""
    own = _own_components(page, site.root_page)
    if own is None or components[: len(own)] != own:
        return None
    for name in getattr(page, "remembered_with_route", ()):
        getattr(page, name)
    # Routing may have answered them already (portal/routing.py: no query for a public page).
    restriction_ids = list(page.get_view_restrictions().values_list("pk", flat=True))
    memo.keep(token, "route", (site.pk, "/".join(own)), (_kept(page), restriction_ids))
    return restriction_ids


def _kept(page: Page) -> Page:
    """`page` as it is remembered: without the related rows its type lists in
    `not_remembered_with_route` (read with it by routing, but remembered on their own; every
    render would unpickle them for nothing), and without the ancestors routing passed
    (`routed_ancestors`: two or three Page rows, ~40% of an article's unpickling; what is built
    from them, the article's news index and the breadcrumb, is remembered on its own). This
    request keeps them on its own copy."""
    names = getattr(page, "not_remembered_with_route", ())
    if not names and "routed_ancestors" not in page.__dict__:
        return page
    kept = copy.copy(page)  # a model's copy has its own field cache and attributes
    kept.__dict__.pop("routed_ancestors", None)
    for name in names:
        kept._state.fields_cache.pop(name, None)
    return kept


def route_for_request(request: HttpRequest, path: str) -> Any:
    """What `Page.route_for_request(request, path)` returns, usually without its queries; the
    result is left on the request where Wagtail's serve view (and Page.find_for_request) read it."""
    site = routing.routed_site(request)
    if site is None:
        return routing.route_for_request(request, path)
    components = routing.path_components(path)
    prefixes = [(site.pk, "/".join(components[:depth])) for depth in range(len(components), -1, -1)]
    token, found = memo.recall("route", prefixes)
    if token is None:
        return routing.route_for_request(request, path)

    restriction_ids: list[int] | None = None
    if found:
        index = min(found)  # the longest remembered prefix
        page, restriction_ids = found[index]
        depth = len(components) - index
        try:
            result = page.route(request, components[depth:])
        except Http404:
            result = None
        if result is not None and result.page is not page:
            restriction_ids = _remember(token, site, components, result.page)
    else:
        result = routing.route_for_request(request, path)
        if result is not None:
            restriction_ids = _remember(token, site, components, result.page)
    if result is not None and restriction_ids is not None:
        routing.unrestricted(result.page, restriction_ids)
    request._wagtail_route_for_request = result  # type: ignore[attr-defined]
    return result


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's serve view, routed by route_for_request()."""
    route_for_request(request, path)
    return wagtail_views.serve(request, path)
