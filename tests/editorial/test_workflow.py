"""The editorial workflow: "Biên tập viên" write and submit, "Lãnh đạo duyệt" approve and
publish, on the news and document sections; the demo logins of `make run`."""

import io

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.models import GroupPagePermission, Workflow, WorkflowState

from editorial.sections import APPROVERS, EDITORS, TASK_NAME, WORKFLOW_NAME
from news.models import NewsArticlePage
from tests.users import user_in

from .test_slugs import add_url, article_form

pytestmark = pytest.mark.django_db

migration = __import__("editorial.migrations.0001_editorial_workflow", fromlist=["forwards"])


def test_the_migration_creates_the_groups_and_the_workflow():
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert workflow.active
    assert [task.name for task in workflow.tasks] == [TASK_NAME]
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [APPROVERS]
    editors = Group.objects.get(name=EDITORS)
    assert editors.permissions.filter(codename="access_admin").exists()
    codes = set(editors.collection_permissions.values_list("permission__codename", flat=True))
    assert {"add_image", "choose_image", "add_document", "choose_document"} <= codes
    assert "delete_image" not in codes


def test_sections_get_the_workflow_and_page_permissions(demo_content):
    from news.models import NewsIndexPage
    from resolutions.models import DocumentLibraryPage

    for section in (NewsIndexPage.objects.get(), DocumentLibraryPage.objects.get()):
        assert section.get_workflow().name == WORKFLOW_NAME
        perms = GroupPagePermission.objects.filter(page=section)
        assert set(
            perms.filter(group__name=EDITORS).values_list("permission__codename", flat=True)
        ) == {
            "add_page",
            "change_page",
        }
        assert perms.filter(group__name=APPROVERS, permission__codename="publish_page").exists()
    # The rest of the site goes through the same workflow (on the root page, migration 0002).
    assert demo_content.get_workflow().name == WORKFLOW_NAME


def test_the_migration_is_idempotent_and_reversible(news_index):
    before = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
    migration.forwards(django_apps, None)
    after = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
    assert after == before
    migration.backwards(django_apps, None)
    assert not Group.objects.filter(name__in=[EDITORS, APPROVERS]).exists()
    assert not Workflow.objects.filter(name=WORKFLOW_NAME).exists()
    assert not GroupPagePermission.objects.filter(page=news_index).exists()
    migration.forwards(django_apps, None)
    assert news_index.get_workflow().name == WORKFLOW_NAME


def test_an_editor_submits_and_an_approver_publishes(
    client, django_user_model, news_index, union_category
):
    editor = user_in("bientap", EDITORS)
    approver = user_in("lanhdao", APPROVERS)

    client.force_login(editor)
    form = client.get(add_url(news_index)).content.decode()
    assert 'name="action-submit"' in form
    assert 'name="action-publish"' not in form
    # Publishing is refused to an editor: the page is only saved as a draft.
    client.post(add_url(news_index), article_form(union_category))
    article = NewsArticlePage.objects.get()
    assert not article.live
    edit = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    data = article_form(union_category, slug=article.slug, action="action-submit")
    assert client.post(edit, data).status_code == 302
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    article.refresh_from_db()
    assert not article.live

    client.force_login(approver)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert article.title in dashboard  # "awaiting your review"
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk)
    )
    response = client.post(approve, {"comment": "Đồng ý đăng."})
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_make_run_prints_a_login_per_role_beside_the_admin_url(settings, tmp_path):
    settings.DEBUG = True
    settings.BASE_DIR = tmp_path
    out = io.StringIO()
    call_command("ensure_local_admin", admin_url="http://127.0.0.1:8123/admin/", stdout=out)
    text = out.getvalue()
    assert "http://127.0.0.1:8123/admin/" in text
    for username, group in (
        ("bientap", EDITORS),
        ("lanhdao", APPROVERS),
        ("tiepnhan", "Cán bộ tiếp nhận đoàn viên"),
    ):
        assert f"{username} / " in text
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert not user.is_superuser
    # The second run prints the same logins (kept in .local-admin, readable only by you).
    again = io.StringIO()
    call_command("ensure_local_admin", stdout=again)
    assert again.getvalue().split("\n")[1:] == text.split("\n")[1:]
    assert oct((tmp_path / ".local-admin").stat().st_mode)[-3:] == "600"


def test_the_demo_logins_never_exist_outside_development(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_local_admin")
