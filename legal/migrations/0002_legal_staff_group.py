"""The group "Cán bộ tư vấn pháp luật": admin access and the permissions to read, update and
delete the questions members sent (personal data). Editors do not get them."""

from django.db import migrations

GROUP_NAME = "Cán bộ tư vấn pháp luật"
CODENAMES = ["view_legalquestion", "change_legalquestion", "delete_legalquestion"]


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    wanted = [Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")]
    wanted += list(
        Permission.objects.filter(content_type__app_label="legal", codename__in=CODENAMES)
    )
    group.permissions.add(*wanted)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("legal", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
