"""The union itself among the issuing bodies an editor can pick: the Vietnam General
Confederation of Labour and the Vietnam Public Sector Union (the portal's owner). Idempotent;
the reverse removes them only if no document names them."""

from django.db import migrations

BODIES = [
    ("tong-lien-doan-lao-dong-viet-nam", "Tổng Liên đoàn Lao động Việt Nam", "TLĐ"),
    ("cong-doan-vien-chuc-viet-nam", "Công đoàn Viên chức Việt Nam", "CĐVC"),
]


def forwards(apps, schema_editor):
    IssuingBody = apps.get_model("resolutions", "IssuingBody")
    for slug, name, short_name in BODIES:
        if not IssuingBody.objects.filter(name=name).exists():
            IssuingBody.objects.get_or_create(
                slug=slug, defaults={"name": name, "short_name": short_name}
            )


def backwards(apps, schema_editor):
    IssuingBody = apps.get_model("resolutions", "IssuingBody")
    ResolutionPage = apps.get_model("resolutions", "ResolutionPage")
    for slug, _name, _short in BODIES:
        if not ResolutionPage.objects.filter(issuing_body__slug=slug).exists():
            IssuingBody.objects.filter(slug=slug).delete()


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0003_verbose_name_plural")]

    operations = [migrations.RunPython(forwards, backwards)]
