"""The group "Cán bộ tiếp nhận đoàn viên": admin access plus the registry's permissions."""

from django.db import migrations

GROUP_NAME = "Cán bộ tiếp nhận đoàn viên"
PERMISSIONS = {
    "membersignup": ["view", "change", "delete", "export"],
    "membershiptarget": ["add", "change", "view"],
    "privacynotice": ["add", "change", "view"],
    "provinceforwardaddress": ["add", "change", "delete", "view"],
}


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; make sure ours exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    wanted = [Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")]
    for model, actions in PERMISSIONS.items():
        for action in actions:
            wanted.append(
                Permission.objects.get(
                    content_type__app_label="campaigns", codename=f"{action}_{model}"
                )
            )
    group.permissions.add(*wanted)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_registry"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
