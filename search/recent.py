"""SQLite: the newest index entries in an FTS5 table of their own, to rank a common query without
reading every row that holds its words.

bm25() weighs each word of a query by how many rows of its table hold it, and counts them by
reading the word's whole doclist, once per query: for `cong doan` at 10,000 articles, ~11,000
rows per word (2.5 ms of a 5 ms search's SQL, the only part of it that grew with the archive).
A query that matches more rows than `bounds.SEARCH_CANDIDATES` is answered from its newest
matches (search.sqlite_backend); when those all lie among the newest `RECENT_ENTRIES` index
entries, they are ranked here instead: the same rows, the same columns, and bm25() counts only
this table's rows. It then weighs words by how common they are among the newest entries rather
than among all of them (for a query of several words the order of its hits can differ from a
ranking over the whole index; the hits, their counts and the "more than" notice do not).

Triggers on modelsearch's entry table keep the table: an inserted entry is copied and the
entries `RECENT_ENTRIES` ids older than it are dropped; an edited or deleted entry follows. So
the table holds exactly the entries whose id is above the newest id ever given
(`sqlite_sequence`) minus `RECENT_ENTRIES`: `covers()` checks a query's candidates against that.
Created and filled by migration search/0007 (SQLite only).
"""

from django.db import connections

RECENT_TABLE = "search_recent_fts"
# How many of the newest ids the table keeps. Written into the insert trigger below (plain SQL):
# changing it needs a migration that creates the triggers again.
RECENT_ENTRIES = 3000

CREATE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_recent_fts USING fts5(autocomplete, body, title)",
    "CREATE TRIGGER IF NOT EXISTS search_recent_insert AFTER INSERT ON wagtailsearch_indexentry"
    " BEGIN INSERT INTO search_recent_fts(rowid, title, body, autocomplete)"
    " VALUES (NEW.id, NEW.title, NEW.body, NEW.autocomplete);"
    " DELETE FROM search_recent_fts WHERE rowid <= NEW.id - 3000; END",
    # Only the indexed text: modelsearch rewrites every new entry's title_norm after each batch.
    "CREATE TRIGGER IF NOT EXISTS search_recent_update"
    " AFTER UPDATE OF title, body, autocomplete ON wagtailsearch_indexentry BEGIN"
    " UPDATE search_recent_fts SET title = NEW.title, body = NEW.body,"
    " autocomplete = NEW.autocomplete WHERE rowid = NEW.id; END",
    "CREATE TRIGGER IF NOT EXISTS search_recent_delete AFTER DELETE ON wagtailsearch_indexentry"
    " BEGIN DELETE FROM search_recent_fts WHERE rowid = OLD.id; END",
    "INSERT INTO search_recent_fts(rowid, title, body, autocomplete)"
    " SELECT id, title, body, autocomplete FROM wagtailsearch_indexentry WHERE id > ("
    "SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'wagtailsearch_indexentry'"
    ") - 3000",
]
DROP = [
    "DROP TRIGGER IF EXISTS search_recent_insert",
    "DROP TRIGGER IF EXISTS search_recent_update",
    "DROP TRIGGER IF EXISTS search_recent_delete",
    "DROP TABLE IF EXISTS search_recent_fts",
]
# The newest id modelsearch's entry table ever gave (no row: none yet).
NEWEST_ID_SQL = "SELECT seq FROM sqlite_sequence WHERE name = 'wagtailsearch_indexentry'"


def covers(floor: int, using: str = "default") -> bool:
    """Whether every index entry above `floor` (a query's candidates' bound) is in the table:
    one read of SQLite's own record of the newest id."""
    with connections[using].cursor() as cursor:
        cursor.execute(NEWEST_ID_SQL)
        row = cursor.fetchone()
    return row is not None and floor >= row[0] - RECENT_ENTRIES
