"""The two editorial groups on the whole site, and Wagtail's English defaults gone.

- "Biên tập viên" and "Lãnh đạo duyệt" get their page permissions on the root page (every page
  type, issue 21's included) and the workflow "Duyệt tin bài" is the root's workflow;
- they get the snippet permissions of `editorial.sections.SNIPPET_PERMISSIONS` (people, terms,
  menus, issuing bodies, partners); personal data (form submissions, legal questions) stays with
  the staff groups that have the permission;
- Wagtail's groups "Editors" and "Moderators" are removed, their members moved to the group with
  the same role; its workflow "Moderators approval" and task are removed, or switched off and
  renamed if a page went through them (their history is kept). docs/admin.md explains why.

Idempotent. The reverse takes back the root permissions, the snippet permissions and the root's
workflow; it does not bring back Wagtail's English groups.
"""

from django.db import migrations

from editorial.sections import (
    APPROVERS,
    EDITORS,
    SNIPPET_PERMISSIONS,
    WAGTAIL_GROUPS,
    WAGTAIL_WORKFLOW,
    WORKFLOW_NAME,
    attach_section,
    permission,
)

OLD_WORKFLOW_NAME = "Duyệt theo nhóm mặc định của Wagtail (đã tắt)"

create_permissions_now = __import__(
    "editorial.migrations.0001_editorial_workflow", fromlist=["create_permissions_now"]
).create_permissions_now


def snippet_extra_permissions(apps):
    """Wagtail adds publish/lock/unlock permissions of snippets with drafts after `migrate`
    (wagtail.snippets.models.create_extra_permissions, which skips existing ones): make them now."""
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for pairs in SNIPPET_PERMISSIONS.values():
        for app_label, codename in pairs:
            action, model = codename.split("_", 1)
            if action in {"publish", "lock", "unlock"}:
                content_type, _ = ContentType.objects.get_or_create(
                    app_label=app_label, model=model
                )
                Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=codename,
                    defaults={"name": f"Can {action} {model}"},
                )


def forwards(apps, schema_editor):
    create_permissions_now(apps)
    snippet_extra_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, APPROVERS)}
    for name, pairs in SNIPPET_PERMISSIONS.items():
        groups[name].permissions.add(*[permission(Permission, *pair) for pair in pairs])

    # Wagtail's workflow for its "Moderators": gone, or kept switched off for its history.
    for old_workflow in Workflow.objects.filter(name=WAGTAIL_WORKFLOW):
        WorkflowPage.objects.filter(workflow=old_workflow).delete()
        if WorkflowState.objects.filter(workflow=old_workflow).exists():
            old_workflow.name, old_workflow.active = OLD_WORKFLOW_NAME, False
            old_workflow.save()
        else:
            old_workflow.delete()
    for old_task in Task.objects.filter(name=WAGTAIL_WORKFLOW):
        if TaskState.objects.filter(task=old_task).exists():
            old_task.name, old_task.active = OLD_WORKFLOW_NAME, False
            old_task.save()
        else:
            old_task.delete()

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        attach_section(
            root,
            GroupPagePermission=GroupPagePermission,
            WorkflowPage=WorkflowPage,
            Workflow=Workflow,
            Group=Group,
            Permission=Permission,
        )

    # Wagtail's English groups: members to the Vietnamese group of the same role, then removed.
    for old_name, new_name in WAGTAIL_GROUPS.items():
        old = Group.objects.filter(name=old_name).first()
        if old is None:
            continue
        for user in old.user_set.all():
            user.groups.add(groups[new_name])
        old.delete()


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    for name, pairs in SNIPPET_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*[permission(Permission, *pair) for pair in pairs])
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        GroupPagePermission.objects.filter(
            page_id=root.pk, group__name__in=[EDITORS, APPROVERS]
        ).delete()
        WorkflowPage.objects.filter(page_id=root.pk, workflow__name=WORKFLOW_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_editorial_workflow"),
        ("wagtailcore", "0098_apitoken"),
        # The apps whose permissions are given here, after their own migrations that granted
        # them to Wagtail's groups.
        ("pages", "0003_editor_permissions"),
        ("menus", "0002_editor_permissions"),
        ("legal", "0002_legal_staff_group"),
        ("webforms", "0002_form_staff_group"),
        ("gallery", "0001_initial"),
        ("resolutions", "0004_union_issuing_bodies"),
        ("campaigns", "0003_campaign_pages_partners"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
