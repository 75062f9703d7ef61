"""The contact page's address, phone and e-mail move to the site's branding (contact_*), which
every footer already showed: a value the branding lacks is taken from the site's contact page
(the live one first), then the page's own fields go."""

from django.db import migrations, models

FIELDS = (("address", "contact_address"), ("phone", "contact_phone"), ("email", "contact_email"))


def contact_pages_of(apps, site):
    ContactPage = apps.get_model("pages", "ContactPage")
    root = site.root_page
    return ContactPage.objects.filter(path__startswith=root.path, depth__gte=root.depth).order_by(
        "-live", "path"
    )


def to_branding(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    SiteBranding = apps.get_model("home", "SiteBranding")
    for site in Site.objects.select_related("root_page"):
        pages = list(contact_pages_of(apps, site))
        if not pages:
            continue
        branding, _created = SiteBranding.objects.get_or_create(site=site)
        changed = []
        for page_field, branding_field in FIELDS:
            if getattr(branding, branding_field):
                continue
            value = next((getattr(p, page_field) for p in pages if getattr(p, page_field)), "")
            if value:
                setattr(branding, branding_field, value)
                changed.append(branding_field)
        if changed:
            branding.chrome = None  # the stored footer is rebuilt with the office in it
            branding.save()


def to_pages(apps, schema_editor):
    SiteBranding = apps.get_model("home", "SiteBranding")
    for branding in SiteBranding.objects.select_related("site__root_page"):
        values = {page: getattr(branding, field) for page, field in FIELDS}
        contact_pages_of(apps, branding.site).update(**values)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0006_body_media_block"),
        ("home", "0007_office_contact"),
    ]

    operations = [
        migrations.RunPython(to_branding, to_pages),
        migrations.RemoveField(model_name="contactpage", name="address"),
        migrations.RemoveField(model_name="contactpage", name="phone"),
        migrations.RemoveField(model_name="contactpage", name="email"),
        migrations.AlterField(
            model_name="contactpage",
            name="map_url",
            field=models.URLField(
                blank=True,
                help_text=(
                    "Đường dẫn tới bản đồ (OpenStreetMap, Google Maps…), mở ở trang riêng. Bỏ "
                    "trống: tự tạo liên kết tìm địa chỉ của cơ quan trên OpenStreetMap. Trang "
                    "không nhúng bản đồ."
                ),
                verbose_name="Liên kết bản đồ",
            ),
        ),
    ]
