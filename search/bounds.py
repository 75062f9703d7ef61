"""How much a search reads, whatever the size of the archive.

A query that matches more pages than SEARCH_CANDIDATES is answered from its newest
SEARCH_CANDIDATES matches: ranking, counts and facets then read a bounded set (SQLite bounds the
FTS5 rows itself, search.sqlite_backend; PostgreSQL by the id floor search.engine finds), and the
search page says "more than" (docs/performance.md, "Cold renders"). Read as
`bounds.SEARCH_CANDIDATES` at query time, so a test may lower it."""

SEARCH_CANDIDATES = 1000
