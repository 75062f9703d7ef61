"""How much a search reads, whatever the size of the archive.

A query that matches more pages than SEARCH_CANDIDATES is answered from its newest
SEARCH_CANDIDATES matches: ranking, counts and facets then read a bounded set (SQLite bounds the
FTS5 rows itself, search.sqlite_backend; PostgreSQL by the id floor search.engine finds), and the
search page says "more than" (docs/performance.md, "Cold renders"). Read as
`bounds.SEARCH_CANDIDATES` at query time, so a test may lower it."""

SEARCH_CANDIDATES = 1000


class BoundedBackend:
    """Mixed into the portal's database backends (search.postgres_backend,
    search.sqlite_backend): search.engine answers a query from its newest SEARCH_CANDIDATES
    matches. A backend that keeps only those itself (`bounds_itself`: SQLite's FTS5 rows) needs
    nothing more; on the others the engine finds the id floor past them and filters on it. Read
    as attributes, so a backend that delegates to one of these (search.resilient) answers too."""

    bounded_candidates = True
    bounds_itself = False


def needs_id_floor(backend: object) -> bool:
    """Whether search.engine bounds the matches of `backend` by an id floor (a database backend
    that does not bound them itself; never Elasticsearch or OpenSearch)."""
    return bool(getattr(backend, "bounded_candidates", False)) and not getattr(
        backend, "bounds_itself", False
    )
