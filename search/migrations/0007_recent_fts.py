import django.db.models.deletion
from django.db import migrations, models


def create_recent(apps, schema_editor):
    """SQLite only: the newest index entries' FTS5 table, its triggers, and its rows."""
    if schema_editor.connection.vendor != "sqlite":
        return
    from search.recent import CREATE

    for statement in CREATE:
        schema_editor.execute(statement)


def drop_recent(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from search.recent import DROP

    for statement in DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0006_vietnamese_names'),
        ('wagtailsearch', '0010_add_text_fields'),
    ]

    operations = [
        migrations.CreateModel(
            name='RecentFTSEntry',
            fields=[
                ('index_entry', models.OneToOneField(db_column='rowid', on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to='wagtailsearch.indexentry')),
                ('title', models.TextField()),
                ('body', models.TextField(null=True)),
                ('autocomplete', models.TextField(null=True)),
            ],
            options={
                'verbose_name': 'mục tìm kiếm toàn văn mới nhất',
                'verbose_name_plural': 'mục tìm kiếm toàn văn mới nhất',
                'db_table': 'search_recent_fts',
                'managed': False,
            },
        ),
        migrations.RunPython(create_recent, drop_recent),
    ]
