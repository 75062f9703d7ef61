"""The editorial workflow "Duyệt tin bài" and who may do what in the news and document sections.

Used by the data migration (with the historical models it is given) and by a post_save handler
that attaches a news or document section created later (the demo loader or an editor makes them
after `migrate`). Everything here is idempotent.
"""

WORKFLOW_NAME = "Duyệt tin bài"
TASK_NAME = "Lãnh đạo duyệt"
EDITORS = "Biên tập viên"
APPROVERS = "Lãnh đạo duyệt"
# The page types of the sections the workflow covers (their whole subtree).
SECTION_MODELS = [("news", "newsindexpage"), ("resolutions", "documentlibrarypage")]
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# On the root collection (images and files of every folder).
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
    APPROVERS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtailimages", "delete_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
        ("wagtaildocs", "delete_document"),
    ],
}
# Plain model permissions: the admin itself, and the news categories snippet (chosen on articles).
MODEL_PERMISSIONS = {
    EDITORS: [("wagtailadmin", "access_admin"), ("news", "view_newscategory")],
    APPROVERS: [
        ("wagtailadmin", "access_admin"),
        ("news", "view_newscategory"),
        ("news", "add_newscategory"),
        ("news", "change_newscategory"),
    ],
}


def permission(Permission, app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def attach_section(page, *, GroupPagePermission, WorkflowPage, Workflow, Group, Permission):
    """Give the section page the workflow and both groups' page permissions (idempotent)."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return False
    WorkflowPage.objects.get_or_create(page_id=page.pk, defaults={"workflow": workflow})
    for group_name, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page_id=page.pk,
                permission=permission(Permission, "wagtailcore", codename),
            )
    return True
