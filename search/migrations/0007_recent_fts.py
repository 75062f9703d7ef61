import django.db.models.deletion
from django.db import migrations, models

from search.mirror import sqlite_statements


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
        # SQLite only: the newest index entries' FTS5 table, its triggers, and its rows.
        migrations.RunPython(
            sqlite_statements("search.recent", "CREATE"), sqlite_statements("search.recent", "DROP")
        ),
    ]
