"""Retention of legal questions: after LEGAL_QUESTION_RETENTION_DAYS the asker's name, contact and
question are erased (the row stays, anonymous), by a task on the real database queue run by the
worker; the published Q&A page, which never held personal data, stays as it was."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from legal.models import LegalQuestion
from tests.campaigns.registry_helpers import run_worker
from tests.databases import ensure_root_site

from .factories import LegalAnswerFactory, LegalIndexPageFactory, LegalTopicPageFactory


def question(days_ago, **fields):
    values = {
        "full_name": "Đặng Văn Hỏi",
        "contact": "0912 000 111",
        "question": "Tôi làm việc 14 tháng mà chưa được ký hợp đồng, phải làm gì?",
        "consent_text": "Tôi đồng ý.",
        "staff_note": "Đã gọi lại cho anh Hỏi.",
    }
    values.update(fields)
    asked = LegalQuestion.objects.create(**values)
    LegalQuestion.objects.filter(pk=asked.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return asked


def assert_erased(asked):
    asked.refresh_from_db()
    assert asked.erased_at is not None
    assert (asked.full_name, asked.contact, asked.question, asked.staff_note) == ("", "", "", "")
    assert "Hỏi" not in str(asked)


def assert_kept(asked):
    asked.refresh_from_db()
    assert asked.erased_at is None and asked.full_name == "Đặng Văn Hỏi"


@pytest.mark.django_db(transaction=True)
def test_the_purge_runs_on_the_queue_and_keeps_the_published_answer(settings):
    settings.LEGAL_QUESTION_RETENTION_DAYS = 30
    home = ensure_root_site()
    index = LegalIndexPageFactory(parent=home)
    topic = LegalTopicPageFactory(parent=index, title="Hợp đồng lao động", slug="hop-dong")
    LegalAnswerFactory(page=topic, question="Làm việc hơn 12 tháng chưa có hợp đồng thì sao?")
    topic.save_revision().publish()
    old = question(31, topic=topic, status=LegalQuestion.Status.PUBLISHED)
    recent = question(29, topic=topic)

    call_command("purge_legal_questions", "--enqueue", stdout=io.StringIO())
    assert_kept(old)  # only enqueued: nothing happens inside the command
    run_worker()
    assert_erased(old)
    assert_kept(recent)
    assert old.topic == topic and old.status == LegalQuestion.Status.PUBLISHED  # still counted
    task = DBTaskResult.objects.get(task_path="legal.tasks.purge_legal_questions")
    assert task.status == "SUCCESSFUL" and task.return_value == 1

    body = Client().get(topic.url).content.decode()
    assert "Làm việc hơn 12 tháng chưa có hợp đồng thì sao?" in body


@pytest.mark.django_db
def test_the_default_period_dry_run_and_a_second_run(settings):
    assert settings.LEGAL_QUESTION_RETENTION_DAYS == 365
    old, recent = question(366), question(364)
    out = io.StringIO()
    call_command("purge_legal_questions", "--dry-run", stdout=out)
    assert "1 câu hỏi sẽ bị xoá" in out.getvalue()
    assert_kept(old)

    out = io.StringIO()
    call_command("purge_legal_questions", stdout=out)
    assert "Đã xoá dữ liệu cá nhân của 1 câu hỏi quá 365 ngày." in out.getvalue()
    assert_erased(old)
    assert_kept(recent)
    erased_at = old.erased_at

    call_command("purge_legal_questions", stdout=out)  # nothing left to erase: unchanged
    old.refresh_from_db()
    assert old.erased_at == erased_at


@pytest.mark.django_db
def test_staff_see_an_erased_question_without_personal_data(client, legal_staff):
    old = question(400)
    call_command("purge_legal_questions", stdout=io.StringIO())
    client.force_login(legal_staff)
    body = client.get(f"/admin/cau-hoi-phap-luat/inspect/{old.pk}/").content.decode()
    assert "Đã xoá dữ liệu cá nhân lúc" in body
    for secret in ("Đặng Văn Hỏi", "0912 000 111", "14 tháng", "Đã gọi lại"):
        assert secret not in body
