"""The groups "Biên tập viên" (write, submit) and "Lãnh đạo duyệt" (approve, publish), and the
workflow "Duyệt tin bài" (one task: approval by "Lãnh đạo duyệt") on the news and document
sections that exist. Sections created later are attached by editorial/signals.py. Idempotent;
the reverse removes what this created."""

from django.db import migrations, transaction
from django.db.models import ProtectedError

from editorial.sections import (
    APPROVERS,
    COLLECTION_PERMISSIONS,
    EDITORS,
    MODEL_PERMISSIONS,
    SECTION_MODELS,
    TASK_NAME,
    WORKFLOW_NAME,
    attach_section,
    permission,
)


def create_permissions_now(apps):
    from django.contrib.auth.management import create_permissions

    # Django creates model permissions after migrate; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None


def forwards(apps, schema_editor):
    create_permissions_now(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Page = apps.get_model("wagtailcore", "Page")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, APPROVERS)}
    for name, wanted in MODEL_PERMISSIONS.items():
        groups[name].permissions.add(*[permission(Permission, *pair) for pair in wanted])
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for name, wanted in COLLECTION_PERMISSIONS.items():
            for pair in wanted:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name],
                    collection=root_collection,
                    permission=permission(Permission, *pair),
                )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type)
    task.groups.add(groups[APPROVERS])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    for app_label, model in SECTION_MODELS:
        content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
        if content_type is None:
            continue
        for page in Page.objects.filter(content_type=content_type):
            attach_section(
                page,
                GroupPagePermission=GroupPagePermission,
                WorkflowPage=WorkflowPage,
                Workflow=Workflow,
                Group=Group,
                Permission=Permission,
            )


def backwards(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    Group = apps.get_model("auth", "Group")
    try:
        with transaction.atomic():
            Workflow.objects.filter(name=WORKFLOW_NAME).delete()
            Task.objects.filter(name=TASK_NAME).delete()
    except ProtectedError:
        # Pages went through it: keep its history, switch it off and detach it.
        WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME).delete()
        Workflow.objects.filter(name=WORKFLOW_NAME).update(active=False)
        Task.objects.filter(name=TASK_NAME).update(active=False)
    Group.objects.filter(name__in=[EDITORS, APPROVERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("news", "0001_initial"),
        ("resolutions", "0002_date_effective_help"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
