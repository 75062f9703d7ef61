from django.db import migrations, models


def fill_years(apps, schema_editor):
    """The live, public documents' years of every site, as refresh_document_years() writes them
    (historical models: Wagtail's live() and public() spelled out)."""
    Site = apps.get_model("wagtailcore", "Site")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    ResolutionPage = apps.get_model("resolutions", "ResolutionPage")
    DocumentYear = apps.get_model("resolutions", "DocumentYear")
    restricted = list(PageViewRestriction.objects.values_list("page__path", "page__depth"))
    rows = set()
    for root in Site.objects.values_list("root_page__path", flat=True):
        documents = ResolutionPage.objects.filter(live=True, path__startswith=root)
        for path, depth in restricted:
            documents = documents.exclude(path__startswith=path, depth__gte=depth)
        rows |= {(root, d.year) for d in documents.order_by().dates("date_issued", "year")}
    DocumentYear.objects.bulk_create(
        [DocumentYear(root_path=root, year=year) for root, year in sorted(rows)]
    )


class Migration(migrations.Migration):

    dependencies = [
        ('resolutions', '0004_union_issuing_bodies'),
    ]

    operations = [
        migrations.CreateModel(
            name='DocumentYear',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('root_path', models.CharField(editable=False, max_length=255)),
                ('year', models.PositiveSmallIntegerField(editable=False)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('root_path', 'year'), name='document_year_unique')],
            },
        ),
        migrations.RunPython(fill_years, migrations.RunPython.noop),
    ]
