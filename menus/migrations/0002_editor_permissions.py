"""Wagtail's "Editors" and "Moderators" groups may edit the main menu and the footer links."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]
PERMISSIONS = {"menuitem": ["add", "change", "delete", "view"]}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = [
        Permission.objects.get(content_type__app_label="menus", codename=f"{action}_{model}")
        for model, actions in PERMISSIONS.items()
        for action in actions
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*wanted)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{a}_{m}" for m, actions in PERMISSIONS.items() for a in actions]
    permissions = Permission.objects.filter(content_type__app_label="menus", codename__in=codenames)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("menus", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
