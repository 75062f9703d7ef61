"""The 34 province-level units (since 1/7/2025), from campaigns/data/provinces.csv."""

import csv
import unicodedata
from pathlib import Path

from django.db import migrations

CSV_PATH = Path(__file__).resolve().parent.parent / "data" / "provinces.csv"


def load_provinces(apps, schema_editor):
    Province = apps.get_model("campaigns", "Province")
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            Province.objects.update_or_create(
                code=row["code"].strip(),
                defaults={
                    "name": unicodedata.normalize("NFC", row["name"].strip()),
                    "kind": unicodedata.normalize("NFC", row["kind"].strip()),
                },
            )


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0003_campaign_pages_partners")]

    operations = [migrations.RunPython(load_provinces, migrations.RunPython.noop)]
