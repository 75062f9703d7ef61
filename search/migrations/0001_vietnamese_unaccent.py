"""PostgreSQL text search configuration `vietnamese_unaccent`: `unaccent` then `simple`.

Wagtail's database backend uses it for indexing and querying (SEARCH_CONFIG), so `cong doan`
matches `Công đoàn` and `đ` matches `d`. `simple` (no stemming) because PostgreSQL ships no
Vietnamese dictionary and Vietnamese words do not inflect. Nothing to do on SQLite or MySQL.
"""

from django.db import migrations

CONFIG = "vietnamese_unaccent"

CREATE = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_ts_config WHERE cfgname = '{CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.simple);
        ALTER TEXT SEARCH CONFIGURATION {CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""

DROP = f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG};"


def create_config(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_config(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_config, drop_config, elidable=False)]
