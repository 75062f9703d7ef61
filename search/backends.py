"""The portal's search backend: Wagtail's database backend, with relevance ordering on SQLite
that scales.

`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}` behaves exactly like
`wagtail.search.backends.database` (PostgreSQL, MySQL and the fallback are returned unchanged),
except on SQLite: modelsearch 1.3 orders SQLite results by relevance with a *correlated*
subquery that re-runs the FTS5 MATCH for every matching row, so the cost grows with the square of
the number of matches (measured: 13 s for `cong doan` over 2,000 articles). Here one query
reads the requested slice of (object id, bm25) from the FTS5 table, restricted to the ids the
source queryset allows and in relevance order, and a second loads those objects
(search/sqlite_backend.py).

Both subclasses use modelsearch internals (there is no public extension point for ranking), so
modelsearch is pinned exactly in requirements and tests/search/test_modelsearch_contract.py fails
when an internal they rely on changes shape. Upgrading modelsearch: read its new query compilers,
adapt the subclasses, then raise MODELSEARCH_CHECKED and the pin together.
"""

from typing import Any

from modelsearch.backends.base import BaseSearchBackend
from modelsearch.backends.database import SearchBackend as database_backend

MODELSEARCH_CHECKED = "1.3.2"  # the release the subclasses below were written against


def SearchBackend(
    params: dict[str, Any],
) -> BaseSearchBackend:  # the name Wagtail imports from a backend module
    backend = database_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        from .sqlite_backend import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    if type(backend).__name__ == "PostgresSearchBackend":
        from .postgres_backend import FastPostgresSearchBackend

        return FastPostgresSearchBackend(params)
    return backend
