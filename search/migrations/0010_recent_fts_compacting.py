from django.db import migrations

from search.mirror import sqlite_statements


class Migration(migrations.Migration):
    """SQLite only: the newest index entries' FTS5 table is merged into one segment every
    search.recent.COMPACT_EVERY writes that leave delete markers, and once now."""

    dependencies = [
        ('search', '0009_indexentry_object_id'),
    ]

    operations = [
        migrations.RunPython(
            sqlite_statements("search.recent", "COMPACTING"),
            sqlite_statements("search.recent", "NOT_COMPACTING"),
        ),
    ]
