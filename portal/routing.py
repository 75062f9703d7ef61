"""Wagtail's page routing in two queries, whatever the depth of the page.

Wagtail finds the page for `/tin-tuc/some-article/` by walking the tree from the site's root page:
at each level, the child by slug, then its specific row, then (for the page served) its view
restrictions and those of its ancestors: seven queries for an article. Here one query reads every
page the walk can meet, the site root's ancestors (by tree path) and the pages whose URL path is a
prefix of the request's below the site root (`url_path`, which Wagtail keeps on every save and
move), each marked with whether it has a view restriction; the walk is done on those rows in
Python, and one more query reads the specific row of the page reached (with the related rows its
type lists in `routed_select_related`).

The walk keeps Wagtail's rules: a routable page (RoutablePageMixin) that is live answers its
own sub-URLs before its children; a page reached with components left over is asked to route
them (a routable page resolves them, any other answers 404 as Wagtail would); a page is served
only if it is live. A page type with its own `route()` anywhere on the walk, and Wagtail's i18n
routing, are left to Wagtail. The page served gets `routed_ancestors` (its ancestors from the
site root down, as Page rows: `specific_deferred` gives their type without a query), and when
nothing on its path is restricted, view restrictions that cost no query.
"""

from functools import partial

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

__all__ = ["path_components", "route_for_request", "routed_site", "unrestricted"]


def path_components(path: str) -> list[str]:
    """The slugs of a URL path: `/tin-tuc/bai-viet/` -> ["tin-tuc", "bai-viet"]."""
    return [component for component in path.split("/") if component]


def routed_site(request: HttpRequest) -> Site | None:
    """The site whose tree this module walks for `request`, or None where Wagtail's own routing
    must answer: the request was already routed, Wagtail's i18n is on, or no site matches."""
    if hasattr(request, "_wagtail_route_for_request") or getattr(
        settings, "WAGTAIL_I18N_ENABLED", False
    ):
        return None
    return Site.find_for_request(request)


def _restrictions(restriction_ids: tuple[int, ...]) -> QuerySet[PageViewRestriction]:
    if restriction_ids:
        return PageViewRestriction.objects.filter(pk__in=restriction_ids)
    # A public page: an already evaluated, empty QuerySet, so iterating it (as Wagtail's hook
    # does on every render) does not even compile SQL; `none()`, not `filter(pk__in=())`, whose
    # lookup alone cost ~85 µs of every uncached render.
    restrictions = PageViewRestriction.objects.none()
    restrictions._result_cache = []
    return restrictions


def unrestricted(page: Page, restriction_ids: list[int] | tuple[int, ...] = ()) -> None:
    """Answer Wagtail's `check_view_restrictions` hook for `page` from known restriction ids.
    Still a QuerySet, as the method promises; with no ids (a public page) it runs no query. A
    partial, not a lambda: the page may be pickled later (inside remembered values)."""
    page.get_view_restrictions = partial(_restrictions, tuple(restriction_ids))  # type: ignore[method-assign]


def _ancestor_paths(path: str) -> list[str]:
    step = Page.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def _routes_itself(model: type[Page], page: Page, rest: list[str]) -> bool:
    """Whether a live routable page answers `rest` itself (before its children, as Wagtail)."""
    if not (page.live and issubclass(model, RoutablePageMixin)):
        return False
    try:
        model.get_resolver().resolve("/" + "/".join(rest) + "/")
    except Resolver404:
        return False
    return True


def _walk(site: Site, components: list[str]) -> tuple[list[Page], int] | None:
    """The pages the walk passes (site root first) and how many components they consumed, or
    None when a page type on the way routes in its own way (then Wagtail walks)."""
    root = site.root_page
    # The site root and its ancestors by tree path, and the pages the path names by their URL
    # path (the slug narrows it to an index): a short WHERE clause whatever the depth, so the
    # query costs little to build, and only the pages on the path are read.
    url_paths = [
        root.url_path + "".join(f"{component}/" for component in components[:end])
        for end in range(1, len(components) + 1)
    ]
    conditions = Q(path__in=_ancestor_paths(root.path))
    if components:
        conditions |= Q(slug__in=set(components), url_path__in=url_paths)
    restricted = PageViewRestriction.objects.filter(page=OuterRef("pk"))
    # Unordered (the walk orders by depth): the tree manager's ORDER BY path costs as much to
    # build as to run here.
    pages = Page.objects.filter(conditions).order_by()
    rows = list(pages.annotate(restricted=Exists(restricted)))
    by_path = {row.path: row for row in rows}
    if root.path not in by_path:
        return None
    chain = [row for row in rows if root.path.startswith(row.path)]
    chain.sort(key=lambda row: row.depth)
    current = by_path[root.path]
    consumed = 0
    while True:
        model = current.specific_class
        if model is None or (
            model.route is not Page.route and not issubclass(model, RoutablePageMixin)
        ):
            return None
        rest = components[consumed:]
        if not rest or _routes_itself(model, current, rest):
            break
        child = next(
            (
                row
                for row in rows
                if row.depth == current.depth + 1
                and row.slug == rest[0]
                and row.path.startswith(current.path)
            ),
            None,
        )
        if child is None:
            break
        chain.append(child)
        current = child
        consumed += 1
    return chain, consumed


def route_for_request(request: HttpRequest, path: str) -> RouteResult | None:
    """What `Page.route_for_request(request, path)` returns (and leaves on the request), in two
    queries."""
    site = routed_site(request)
    if site is None:
        return Page.route_for_request(request, path)
    components = path_components(path)
    walked = _walk(site, components)
    if walked is None:
        return Page.route_for_request(request, path)
    chain, consumed = walked
    found = chain[-1]
    model = found.specific_class
    pages = model._default_manager.filter(pk=found.pk).order_by()
    related = getattr(model, "routed_select_related", ())
    # By primary key: at most one row, no ORDER BY or LIMIT to build.
    page = next(iter(pages.select_related(*related) if related else pages), None)
    result = None
    if page is not None:
        ancestors = [row for row in chain[:-1] if row.depth >= site.root_page.depth]
        page.routed_ancestors = ancestors
        try:
            result = page.route(request, components[consumed:])
        except Http404:
            result = None
        if result is not None and result.page is page and not any(r.restricted for r in chain):
            unrestricted(page)
    request._wagtail_route_for_request = result  # type: ignore[attr-defined]
    return result
