"""The two editorial roles on the whole site (editorial/migrations/0002): "Biên tập viên" writes
and submits every page type (issue 21's included) and may only look at the snippets that go public
when saved; "Lãnh đạo duyệt" approves, publishes and writes those snippets. Neither reads what
people sent (form submissions, legal questions) without the personal-data permission of a staff
group. Wagtail's English groups and workflow are gone."""

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Page, Task, Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from editorial.sections import APPROVERS, EDITORS, WORKFLOW_NAME
from gallery.models import GalleryIndexPage
from legal.models import LegalIndexPage, LegalQuestion
from pages.models import ContentPage
from tests.users import user_in
from webforms.models import FormPage

pytestmark = pytest.mark.django_db

migration = __import__("editorial.migrations.0002_site_wide_roles", fromlist=["forwards"])

FORM_STAFF = "Cán bộ xử lý biểu mẫu"
LEGAL_STAFF = "Cán bộ tư vấn pháp luật"
# Issue 21's page types, each under a parent of the demo site: (app, model, parent's class).
NEW_PAGE_TYPES = [
    ("pages", "contentpage", None),
    ("pages", "contentpage", ContentPage),
    ("pages", "leadershippage", None),
    ("pages", "contactpage", None),
    ("webforms", "formpage", None),
    ("gallery", "albumpage", GalleryIndexPage),
    ("gallery", "videopage", GalleryIndexPage),
    ("legal", "legaltopicpage", LegalIndexPage),
]
# Snippets that are public as soon as they are saved: approvers write them, editors only look.
PUBLIC_SNIPPETS = ["pages/leader", "pages/term", "menus/menuitem", "resolutions/issuingbody"]


@pytest.fixture
def editor(django_user_model):
    return user_in("bt", EDITORS)


@pytest.fixture
def approver(django_user_model):
    return user_in("ld", APPROVERS)


def parent_of(demo_content, parent_class):
    if parent_class is None:
        return demo_content
    return parent_class.objects.live().order_by("path").first()


def test_wagtails_english_groups_and_workflow_are_gone():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert Page.get_first_root_node().get_workflow().name == WORKFLOW_NAME


def test_members_of_wagtails_groups_move_and_a_used_workflow_keeps_its_history(
    django_user_model, home_page
):
    # A site that used Wagtail's defaults before this migration.
    old_editors = Group.objects.create(name="Editors")
    old_moderators = Group.objects.create(name="Moderators")
    writer = user_in("writer", "Editors")
    chief = user_in("chief", "Moderators")
    workflow = Workflow.objects.create(name="Moderators approval")
    from wagtail.models import GroupApprovalTask

    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.add(old_moderators)
    workflow.workflow_tasks.create(task=task, sort_order=0)
    WorkflowState.objects.create(
        workflow=workflow,
        base_content_type=ContentType.objects.get_for_model(Page),
        content_type=ContentType.objects.get_for_model(home_page),
        object_id=str(home_page.pk),
        status=WorkflowState.STATUS_CANCELLED,
        requested_by=writer,
    )
    assert old_editors.pk

    migration.forwards(django_apps, None)

    assert list(writer.groups.values_list("name", flat=True)) == [EDITORS]
    assert list(chief.groups.values_list("name", flat=True)) == [APPROVERS]
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    workflow.refresh_from_db()
    assert not workflow.active and "Moderators" not in workflow.name
    assert WorkflowState.objects.filter(workflow=workflow).exists()  # history kept
    assert home_page.get_workflow().name == WORKFLOW_NAME


@pytest.mark.parametrize("app,model,parent_class", NEW_PAGE_TYPES)
def test_an_editor_may_write_and_submit_each_new_page_type_but_not_publish(
    client, editor, approver, demo_content, app, model, parent_class
):
    parent = parent_of(demo_content, parent_class)
    url = reverse("wagtailadmin_pages:add", args=(app, model, parent.pk))
    client.force_login(editor)
    form = client.get(url).content.decode()
    assert 'name="action-submit"' in form, (app, model)
    assert 'name="action-publish"' not in form
    client.force_login(approver)
    assert 'name="action-publish"' in client.get(url).content.decode()


def test_on_existing_pages_of_each_new_type_editors_edit_and_approvers_publish(
    editor, approver, demo_content
):
    from gallery.models import AlbumPage
    from legal.models import LegalTopicPage
    from pages.models import ContactPage, LeadershipPage

    for model in (ContentPage, LeadershipPage, ContactPage, FormPage, AlbumPage, LegalTopicPage):
        page = model.objects.live().first()
        assert page is not None, model
        as_editor = page.permissions_for_user(editor)
        assert as_editor.can_edit() and not as_editor.can_publish(), model
        assert not as_editor.can_unpublish()
        as_approver = page.permissions_for_user(approver)
        assert as_approver.can_publish() and as_approver.can_unpublish(), model


def test_an_editors_content_page_goes_live_only_when_the_approver_approves(
    client, editor, approver, demo_content
):
    data = nested_form_data(
        {
            "title": "Quy chế làm việc",
            "slug": "quy-che-lam-viec",
            "intro": "Quy chế làm việc của Ban Chấp hành.",
            "body": streamfield([("paragraph", rich_text("<p>Họp thường kỳ mỗi quý.</p>"))]),
            "show_child_list": "on",
            "action-publish": "publish",  # refused to an editor: saved as a draft
        }
    )
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("pages", "contentpage", demo_content.pk))
    assert client.post(url, data).status_code == 302
    page = ContentPage.objects.get(slug="quy-che-lam-viec")
    assert not page.live
    data.pop("action-publish")
    data["action-submit"] = "submit"
    assert client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data).status_code == 302
    state = page.workflow_states.get()
    assert state.workflow.name == WORKFLOW_NAME and state.status == state.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert not page.live

    client.force_login(approver)
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "approve", state.current_task_state.pk),
    )
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    page.refresh_from_db()
    assert page.live


@pytest.mark.parametrize("snippet", PUBLIC_SNIPPETS)
def test_public_snippets_are_written_by_approvers_and_seen_by_editors(
    client, editor, approver, snippet
):
    listing, add = f"/admin/snippets/{snippet}/", f"/admin/snippets/{snippet}/add/"
    client.force_login(editor)
    assert client.get(listing).status_code == 200
    assert client.get(add).status_code in (302, 403)
    client.force_login(approver)
    assert client.get(listing).status_code == 200
    assert client.get(add).status_code == 200


def test_partners_editors_write_drafts_approvers_publish(client, editor, approver):
    from campaigns.models import Partner

    assert editor.has_perms(["campaigns.add_partner", "campaigns.change_partner"])
    assert not editor.has_perm("campaigns.publish_partner")
    assert approver.has_perm("campaigns.publish_partner")
    assert Partner  # the snippet the permissions are for


def test_personal_data_only_for_staff_with_the_permission(
    client, editor, approver, django_user_model, demo_content
):
    form_page = FormPage.objects.live().first()
    form_page.get_submission_class().objects.create(
        page=form_page, form_data={"ho_va_ten": "Người Gửi Riêng Tư"}
    )
    LegalQuestion.objects.create(
        full_name="Người Hỏi Riêng Tư",
        contact="0900000000",
        question="Hợp đồng lao động của tôi hết hạn thì sao?",
        consent_text="Đồng ý.",
    )
    submissions = f"/admin/forms/submissions/{form_page.pk}/"
    questions = "/admin/cau-hoi-phap-luat/"
    for user in (editor, approver):
        client.force_login(user)
        assert not user.has_perm("webforms.view_formentry")
        assert not user.has_perm("legal.view_legalquestion")
        assert client.get(submissions).status_code == 302
        assert "Người Gửi Riêng Tư" not in client.get("/admin/forms/").content.decode()
        assert client.get(questions).status_code in (302, 403)
        dashboard = client.get("/admin/").content.decode()
        assert questions not in dashboard and "Hợp đồng lao động của tôi" not in dashboard

    # An editor who is also in a staff group reads what that group may, and only that.
    form_staff = user_in("bm", EDITORS, FORM_STAFF)
    client.force_login(form_staff)
    assert "Người Gửi Riêng Tư" in client.get(submissions).content.decode()
    assert client.get(questions).status_code in (302, 403)
    legal_staff = user_in("pl", EDITORS, LEGAL_STAFF)
    client.force_login(legal_staff)
    assert "Hợp đồng lao động của tôi" in client.get(questions).content.decode()
    assert client.get(submissions).status_code == 302
