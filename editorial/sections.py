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


# PAGE_PERMISSIONS also hold on the root page (editorial/migrations/0002), so on every page type of
# the site (issue 21's content, leadership, contact, form, album, video and legal Q&A pages
# included), with the workflow on the root too: an editor's page anywhere goes to "Lãnh đạo duyệt".
# Snippets and models of issue 21 and the other sections. Snippets without drafts (people, terms,
# menu items, issuing bodies) are public as soon as they are saved: editors may only see them,
# approvers write them. Partners have drafts: editors write drafts, approvers publish. Form
# submissions and legal questions (personal data) are in neither group: they belong to the staff
# groups "Cán bộ xử lý biểu mẫu" and "Cán bộ tư vấn pháp luật" (webforms, legal migrations).
SNIPPET_PERMISSIONS = {
    EDITORS: [
        ("pages", "view_term"),
        ("pages", "view_leader"),
        ("menus", "view_menuitem"),
        ("resolutions", "view_issuingbody"),
        ("campaigns", "view_partner"),
        ("campaigns", "add_partner"),
        ("campaigns", "change_partner"),
    ],
    APPROVERS: [
        *[
            (app, f"{action}_{model}")
            for app, model in [
                ("pages", "term"),
                ("pages", "leader"),
                ("menus", "menuitem"),
                ("resolutions", "issuingbody"),
            ]
            for action in ("add", "change", "delete", "view")
        ],
        *[
            ("campaigns", f"{action}_partner")
            for action in ("add", "change", "delete", "view", "publish", "lock", "unlock")
        ],
    ],
}
# Wagtail's own groups (wagtailcore 0002) and the workflow its migration 0048 made for them; their
# members move to the Vietnamese group with the same role.
WAGTAIL_GROUPS = {"Editors": EDITORS, "Moderators": APPROVERS}
WAGTAIL_WORKFLOW = "Moderators approval"
