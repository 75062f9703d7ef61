"""PostgreSQL: a stored, stripped `title || body` vector with a GIN index, replacing the GIN index
on the `(title || body)` expression (search/0002).

Measured at 10,000 articles (`cong doan`, 11,000 matches): PostgreSQL reads every row of the index
table to match a word found in nearly every page (it estimates, rightly, that the index would not
skip anything), and checking `(title || body) @@ query` on a row decompresses and concatenates two
position-laden vectors (~65 ms, ~110 ms with the join). `strip()` keeps the lexemes only (~700
bytes a row instead of ~1,900): matching a non-phrase query on it gives exactly the same rows and
costs ~11 ms for the same scan, while selective words still use the GIN index. PostgreSQL fills the
column itself on every insert and update, so modelsearch's SQL needs no change. Phrase queries
cannot be matched on a stripped vector: the backend uses this column as a filter and rechecks
the phrase on `title || body` (search/postgres_backend.py).

A later migration of wagtailsearch that changes the type of `title` or `body` must first drop this
column (PostgreSQL refuses to alter a column a generated column depends on). Nothing to do on
SQLite or MySQL.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
COLUMN = "search_lexemes"
INDEX = "search_indexentry_lexemes_gin"
OLD_INDEX = "search_indexentry_title_body_gin"

FORWARD = [
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {COLUMN} tsvector "
    "GENERATED ALWAYS AS (strip(title || body)) STORED",
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING GIN ({COLUMN})",
    f"DROP INDEX IF EXISTS {OLD_INDEX}",
]
BACKWARD = [
    f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON {TABLE} USING GIN ((title || body))",
    f"DROP INDEX IF EXISTS {INDEX}",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {COLUMN}",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_indexentry_title_body_gin")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
