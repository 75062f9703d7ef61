from django.db import migrations, models
from django.db.models import Count
from django.db.models.functions import ExtractYear


def fill_counts(apps, schema_editor):
    """Each stored year's number of live, public documents, as refresh_document_years() writes
    them (historical models: Wagtail's live() and public() spelled out, as in 0005)."""
    Site = apps.get_model("wagtailcore", "Site")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    ResolutionPage = apps.get_model("resolutions", "ResolutionPage")
    DocumentYear = apps.get_model("resolutions", "DocumentYear")
    restricted = list(PageViewRestriction.objects.values_list("page__path", "page__depth"))
    DocumentYear.objects.all().delete()
    rows = []
    for root in sorted(set(Site.objects.values_list("root_page__path", flat=True))):
        documents = ResolutionPage.objects.filter(live=True, path__startswith=root)
        for path, depth in restricted:
            documents = documents.exclude(path__startswith=path, depth__gte=depth)
        by_year = (
            documents.order_by()
            .annotate(issued=ExtractYear("date_issued"))
            .values_list("issued")
            .annotate(n=Count("pk"))
        )
        rows += [DocumentYear(root_path=root, year=year, documents=n) for year, n in by_year]
    DocumentYear.objects.bulk_create(rows)


class Migration(migrations.Migration):

    dependencies = [
        ("resolutions", "0006_vietnamese_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="documentyear",
            name="documents",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(fill_counts, migrations.RunPython.noop),
    ]
