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
A capped query's bound is looked for here first (search.sqlite_backend): found, it is the
whole index's too, and the counts read the same rows here.
Created and filled by migration search/0007 (SQLite only).

FTS5 (SQLite 3.40 here, without `secure-delete`) does not remove a deleted or edited row from its
index: it writes delete markers that every later query merges away, until a merge reaches the
oldest segment. The window drops one entry per new one, so the markers grew with the archive's
history, not its newest entries: at 10,000 articles the table held 8.5 MB for its 3,000 rows
(2.9 MB merged) and ranking `cong doan` there cost 38 M instructions instead of 21 M. The
triggers therefore count the writes that leave markers (`search_recent_state`) and merge the
table into one segment (FTS5's `optimize`: ~0.1 s, on the write that reaches the count) every
`COMPACT_EVERY` of them (migration search/0010): what a query reads stays bounded by the window.
"""

RECENT_TABLE = "search_recent_fts"
# How many of the newest ids the table keeps. Written into the insert trigger below (plain SQL):
# changing it needs a migration that creates the triggers again.
RECENT_ENTRIES = 3000

# Writes (a window's drop, an edit, a deletion) between two merges of the table into one segment.
# Written into the triggers below (plain SQL): changing it needs a migration.
COMPACT_EVERY = 200

# Run by the triggers after each write that leaves delete markers.
_COMPACT = (
    " UPDATE search_recent_state SET writes = writes + 1;"  # noqa: S608 (constants only)
    " INSERT INTO search_recent_fts(search_recent_fts)"
    " SELECT 'optimize' FROM search_recent_state"
    f" WHERE writes >= {COMPACT_EVERY};"
    f" UPDATE search_recent_state SET writes = 0 WHERE writes >= {COMPACT_EVERY};"
)
_TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS search_recent_insert AFTER INSERT ON wagtailsearch_indexentry"
    " BEGIN INSERT INTO search_recent_fts(rowid, title, body, autocomplete)"
    " VALUES (NEW.id, NEW.title, NEW.body, NEW.autocomplete);"
    " DELETE FROM search_recent_fts WHERE rowid <= NEW.id - 3000;",
    # Only the indexed text: modelsearch rewrites every new entry's title_norm after each batch.
    "CREATE TRIGGER IF NOT EXISTS search_recent_update"
    " AFTER UPDATE OF title, body, autocomplete ON wagtailsearch_indexentry BEGIN"
    " UPDATE search_recent_fts SET title = NEW.title, body = NEW.body,"
    " autocomplete = NEW.autocomplete WHERE rowid = NEW.id;",
    "CREATE TRIGGER IF NOT EXISTS search_recent_delete AFTER DELETE ON wagtailsearch_indexentry"
    " BEGIN DELETE FROM search_recent_fts WHERE rowid = OLD.id;",
]
_DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS search_recent_insert",
    "DROP TRIGGER IF EXISTS search_recent_update",
    "DROP TRIGGER IF EXISTS search_recent_delete",
]
CREATE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_recent_fts USING fts5(autocomplete, body, title)",
    *(trigger + " END" for trigger in _TRIGGERS),
    "INSERT INTO search_recent_fts(rowid, title, body, autocomplete)"
    " SELECT id, title, body, autocomplete FROM wagtailsearch_indexentry WHERE id > ("
    "SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'wagtailsearch_indexentry'"
    ") - 3000",
]
DROP = [*_DROP_TRIGGERS, "DROP TABLE IF EXISTS search_recent_fts"]
# Migration search/0010: the triggers count their writes and merge the table every COMPACT_EVERY;
# the table is merged once now (a site grown before this holds the markers of its whole history).
COMPACTING = [
    *_DROP_TRIGGERS,
    "CREATE TABLE IF NOT EXISTS search_recent_state"
    " (id integer PRIMARY KEY CHECK (id = 1), writes integer NOT NULL)",
    "INSERT OR IGNORE INTO search_recent_state VALUES (1, 0)",
    *(trigger + _COMPACT + " END" for trigger in _TRIGGERS),
    "INSERT INTO search_recent_fts(search_recent_fts) VALUES ('optimize')",
]
NOT_COMPACTING = [
    *_DROP_TRIGGERS,
    "DROP TABLE IF EXISTS search_recent_state",
    *(trigger + " END" for trigger in _TRIGGERS),
]
# The newest id modelsearch's entry table ever gave (no row: none yet).
NEWEST_ID_SQL = "SELECT seq FROM sqlite_sequence WHERE name = 'wagtailsearch_indexentry'"


def covers(floor: int, newest_id: int | None) -> bool:
    """Whether every index entry above `floor` (a query's candidates' bound) is in the table,
    `newest_id` being SQLite's own record of the newest id ever given (NEWEST_ID_SQL)."""
    return newest_id is not None and floor >= newest_id - RECENT_ENTRIES


def holds_every_entry(newest_id: int | None) -> bool:
    """Whether the table holds the whole index (no id was ever given below its span)."""
    return newest_id is None or newest_id <= RECENT_ENTRIES
