"""Name search by words: a GIN index on the folded name's words, built without locking the table.

The trigram index of 0003 answered `name_folded LIKE '%word%'`, but a Vietnamese name's words are
few and common (Nguyễn, Thị, Văn: "nguyen" alone is in a third of all names), so the trigram
posting lists it read grew with the registry (a three-word search: ~1 ms at 10,000 entries,
~50 ms at 1,000,000). The words themselves (`to_tsvector('simple', name_folded)`) are looked up
with far less reading (~15 ms at 1,000,000). Both indexes are PostgreSQL only; SQLite matches the
words on the folded column (listing.search).

Non-atomic: `CREATE INDEX CONCURRENTLY` (and `DROP INDEX CONCURRENTLY`) keep the registry open to
sign-ups while the index is built on a registry that already holds millions of rows.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import AddIndexConcurrently
from django.contrib.postgres.search import SearchVector
from django.db import migrations

TRIGRAM_INDEX = "registry_signup_name_trgm"
WORDS_INDEX = GinIndex(SearchVector("name_folded", config="simple"), name="registry_signup_words")


class AddPostgresIndexConcurrently(AddIndexConcurrently):
    """AddIndexConcurrently on PostgreSQL only, outside the model state: SQLite has no GIN index
    (and would try to rebuild one with the table), and the ORM needs no knowledge of it."""

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {TRIGRAM_INDEX}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("registry", "0003_list_indexes")]

    operations = [
        AddPostgresIndexConcurrently(model_name="membersignup", index=WORDS_INDEX),
        migrations.RunPython(drop_trigram_index, migrations.RunPython.noop, elidable=False),
    ]
