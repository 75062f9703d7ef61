import django.db.models.deletion
from django.db import migrations, models


def create_mirror(apps, schema_editor):
    """SQLite only: the opted-in models' FTS5 table and the triggers that fill it (its content
    types are written after migrate: search.mirror.sync)."""
    if schema_editor.connection.vendor != "sqlite":
        return
    from search.mirror import CREATE

    for statement in CREATE:
        schema_editor.execute(statement)


def drop_mirror(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from search.mirror import DROP

    for statement in DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0004_pendingindexupdate'),
        ('wagtailsearch', '0010_add_text_fields'),
    ]

    operations = [
        migrations.CreateModel(
            name='SiteModelFTSEntry',
            fields=[
                ('index_entry', models.OneToOneField(db_column='rowid', on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='+', serialize=False, to='wagtailsearch.indexentry')),
                ('title', models.TextField()),
                ('body', models.TextField(null=True)),
                ('autocomplete', models.TextField(null=True)),
            ],
            options={
                'db_table': 'search_sitemodel_fts',
                'managed': False,
            },
        ),
        migrations.RunPython(create_mirror, drop_mirror),
    ]
