"""Derived data kept until the next purge: menus, partner strips, list counts, facets.

When the page cache misses (after every purge, for logged-in editors, for pages with a query
string it does not keep) pages are rendered again. Some of what they show is the same for many
pages and costs the same whatever the page: the main menu, the footer's partners, how many
articles a list has, which categories and years have documents. `remember()` keeps such values
in the cache under the current page cache generation, so they are computed once per purge, and
every purge (a page published, a snippet or setting changed: purge.py) makes them stale at once,
exactly like the cached pages. The template tag `{% cache %}` gets the same guarantee from the
`cache_generation` variable (context_processors.py).

The token is read before the value is computed: a purge during the computation leaves the value
under the old token, where nothing reads it. `FRAGMENT_CACHE=0` turns this off (every value is
computed for every request), e.g. to measure the cost of a cold render.
"""

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from . import generation

_MISSING = object()


def enabled() -> bool:
    # Without purges nothing would ever tell a remembered value that it is stale.
    return getattr(settings, "FRAGMENT_CACHE_ENABLED", True) and getattr(
        settings, "PAGE_CACHE_PURGE_ENABLED", True
    )


def _key(token: str, name: str, parts: Sequence[object]) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return f"memo:{token}:{name}:{digest}"


def remember[T](
    name: str, *parts: object, compute: Callable[[], T], timeout: int | None = None
) -> T:
    """compute() for this generation, from the cache when another request already did it.

    `parts` (reprs of plain values: ids, slugs, SQL) tell values of the same name apart; the
    value must be picklable (lists of ids, numbers, model instances)."""
    if not enabled():
        return compute()
    token = generation.current()
    if token is None:
        return compute()
    value = caches[settings.PAGE_CACHE_ALIAS].get(_key(token, name, parts), _MISSING)
    if value is _MISSING:
        value = compute()
        keep(token, name, parts, value, timeout)
    return value


def recall(name: str, parts_list: Sequence[Sequence[object]]) -> tuple[str | None, dict[int, Any]]:
    """Several remembered values in one cache round trip, for callers that store their own.

    Returns (token, found): `found` maps the index in `parts_list` of every value remembered in
    this generation to that value; `token` is what `keep()` stores new values under (None when
    nothing may be remembered). As with remember(), read the token before computing."""
    if not enabled():
        return None, {}
    token = generation.current()
    if token is None:
        return None, {}
    keys = {_key(token, name, parts): index for index, parts in enumerate(parts_list)}
    found = caches[settings.PAGE_CACHE_ALIAS].get_many(list(keys))
    return token, {keys[key]: value for key, value in found.items()}


def keep(
    token: str | None,
    name: str,
    parts: Sequence[object],
    value: object,
    timeout: int | None = None,
) -> None:
    """Remember `value` under the generation `token` that recall() returned before computing it."""
    if token is None:
        return
    caches[settings.PAGE_CACHE_ALIAS].set(
        _key(token, name, parts),
        value,
        settings.PAGE_CACHE_TIMEOUT if timeout is None else timeout,
    )


class CountRememberingPaginator(Paginator):
    """A Paginator whose COUNT(*) is remembered until the next purge, keyed by the list's SQL.
    Counting every live article of a 10,000-article archive is the one query of a list page that
    grows with the archive; the page of items itself is a LIMIT/OFFSET on an index.
    `counted`: a queryset of the same rows that is cheaper to count (one table's index instead
    of a join), counted instead of the list."""

    def __init__(
        self, object_list: Any, per_page: int, *args: Any, counted: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(object_list, per_page, *args, **kwargs)
        self.counted = object_list if counted is None else counted

    @cached_property
    def count(self) -> int:
        queryset = self.counted
        query = getattr(queryset, "query", None)
        if query is None:
            return super().count
        sql, params = query.sql_with_params()
        return remember(
            "count",
            getattr(queryset, "db", None),
            sql,
            params,
            compute=queryset.count,
        )
