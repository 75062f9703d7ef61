"""SQLite: the opted-in models' own full-text table, so that searching them costs the same
whatever the number of pages.

modelsearch keeps every indexed object in one FTS5 table. Searching a model with few rows
(`site_searchable` snippets such as the campaigns' Partner) in it means FTS5 decodes the whole
doclist of each word first (for "cong", nearly every page of the archive) and joins the few
rows of the model afterwards; ranking them with bm25() reads those doclists again (53 ms and
36 ms for `cong doan` at 10,000 articles). Here the index entries of the opted-in models are
mirrored, by triggers on modelsearch's entry table, into a second FTS5 table of the same
columns (`MIRROR_TABLE`), which those models' searches read instead: their doclists hold only
those models' rows. bm25() then weighs words by how common they are among those rows, not
among the whole site's (the order of partner hits among themselves can differ for a query of
several words; every page is ranked as before).

The content types mirrored (`search_sitemodel_type`) follow `registry.searchable_models()`:
written after every `migrate` (`sync`, a post_migrate receiver), which refills the mirror from
the entry table when the list changed. Tables and triggers are created by migration
search/0005 (SQLite only).
"""

from importlib import import_module

from django.db import connections

from . import registry

MIRROR_TABLE = "search_sitemodel_fts"
# The entry table is modelsearch's IndexEntry (wagtailsearch_indexentry). Plain SQL, no names
# from elsewhere.
CREATE = [
    "CREATE TABLE IF NOT EXISTS search_sitemodel_type (content_type_id integer PRIMARY KEY)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_sitemodel_fts USING fts5(autocomplete, body, title)",
    "CREATE TRIGGER IF NOT EXISTS search_sitemodel_insert AFTER INSERT ON wagtailsearch_indexentry"
    " WHEN NEW.content_type_id IN (SELECT content_type_id FROM search_sitemodel_type) BEGIN"
    " INSERT INTO search_sitemodel_fts(rowid, title, body, autocomplete)"
    " VALUES (NEW.id, NEW.title, NEW.body, NEW.autocomplete); END",
    "CREATE TRIGGER IF NOT EXISTS search_sitemodel_update AFTER UPDATE ON wagtailsearch_indexentry"
    " WHEN NEW.content_type_id IN (SELECT content_type_id FROM search_sitemodel_type) BEGIN"
    " UPDATE search_sitemodel_fts SET title = NEW.title, body = NEW.body,"
    " autocomplete = NEW.autocomplete WHERE rowid = NEW.id; END",
    "CREATE TRIGGER IF NOT EXISTS search_sitemodel_delete AFTER DELETE ON wagtailsearch_indexentry"
    " WHEN OLD.content_type_id IN (SELECT content_type_id FROM search_sitemodel_type) BEGIN"
    " DELETE FROM search_sitemodel_fts WHERE rowid = OLD.id; END",
]
DROP = [
    "DROP TRIGGER IF EXISTS search_sitemodel_insert",
    "DROP TRIGGER IF EXISTS search_sitemodel_update",
    "DROP TRIGGER IF EXISTS search_sitemodel_delete",
    "DROP TABLE IF EXISTS search_sitemodel_fts",
    "DROP TABLE IF EXISTS search_sitemodel_type",
]
REFILL = [
    "DELETE FROM search_sitemodel_fts",
    "INSERT INTO search_sitemodel_fts(rowid, title, body, autocomplete)"
    " SELECT id, title, body, autocomplete FROM wagtailsearch_indexentry"
    " WHERE content_type_id IN (SELECT content_type_id FROM search_sitemodel_type)",
]


def sqlite_statements(module: str, name: str):
    """A migration step (RunPython) that runs the SQL statements `module.name` on SQLite only
    (the FTS5 tables and their triggers: search/mirror.py, search/recent.py)."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for statement in getattr(import_module(module), name):
            schema_editor.execute(statement)

    return run


def mirrored(model) -> bool:
    """Whether `model`'s searches read the mirror (an opted-in model, on SQLite)."""
    return model in registry.searchable_models()


def sync(using="default", **kwargs) -> None:
    """Mirror exactly the opted-in models' content types; refill the mirror if they changed."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    from django.contrib.contenttypes.models import ContentType

    with connection.cursor() as cursor:
        if MIRROR_TABLE not in connection.introspection.table_names(cursor):
            return  # not migrated this far
        wanted = {
            ContentType.objects.db_manager(using).get_for_model(model).pk
            for model in registry.searchable_models()
        }
        cursor.execute("SELECT content_type_id FROM search_sitemodel_type")
        if {row[0] for row in cursor.fetchall()} == wanted:
            return
        cursor.execute("DELETE FROM search_sitemodel_type")
        cursor.executemany("INSERT INTO search_sitemodel_type VALUES (%s)", [[pk] for pk in wanted])
        for statement in REFILL:
            cursor.execute(statement)
