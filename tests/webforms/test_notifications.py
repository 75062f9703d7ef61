"""Staff are told about a submission by a task on the real database queue (django-tasks-db) run
by its real worker, never inside the visitor's request: a mail relay that accepts connections and
never answers does not hold the response, the submission is stored whatever happens to the mail,
and the notice is delivered, once, when the worker runs after the relay works again.

These tests commit (the task is enqueued when the submission commits; the worker commits and
closes connections as in production), so they are transactional."""

import io
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from tests.campaigns.registry_helpers import run_worker
from tests.databases import ensure_root_site
from tests.smtp_relay import hanging_relay, use_smtp
from webforms.models import FormEntry

from .conftest import valid_data
from .factories import three_field_form

PORTS = range(8780, 8800)  # this work's port range on the shared machine
TASK_PATH = "webforms.tasks.notify_new_submission"


@pytest.fixture
def relay():
    """(port, accepted connections) of a relay that never answers (tests.smtp_relay)."""
    with hanging_relay(PORTS) as port_and_accepted:
        yield port_and_accepted


def notices():
    return DBTaskResult.objects.filter(task_path=TASK_PATH)


@pytest.mark.django_db(transaction=True)
def test_a_hanging_mail_relay_does_not_hold_the_response(settings, relay):
    port, accepted = relay
    timeout = 6
    settings.WEBFORMS_RATE_LIMIT = 0
    use_smtp(settings, port, timeout)
    form_page = three_field_form(ensure_root_site(), slug="dang-ky-hoi-thi")
    client = Client()

    data = valid_data(client, form_page.url)
    started = time.monotonic()
    response = client.post(form_page.url, data)
    elapsed = time.monotonic() - started
    assert response.status_code == 303
    assert elapsed < timeout  # had the request waited on the relay it would take the timeout
    entry = FormEntry.objects.get()  # stored
    assert entry.get_data()["ho_va_ten"] == "Phạm Thị Lan"
    assert accepted == []  # the request never talked to the relay
    [queued] = notices()
    assert queued.status == "READY" and queued.args_kwargs == {"args": [entry.pk], "kwargs": {}}

    # The worker meets the hanging relay: the task fails after EMAIL_TIMEOUT (it does not hang
    # the worker), nothing is lost.
    run_worker()
    queued.refresh_from_db()
    assert queued.status == "FAILED"
    assert len(accepted) == 1
    entry.refresh_from_db()
    assert entry.notified_at is None and mail.outbox == []

    # The relay works again: the periodic command queues what was not sent; the worker sends it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("notify_form_submissions", stdout=io.StringIO())
    run_worker()
    [message] = mail.outbox
    assert message.to == ["bantochuc@example.vn"]
    assert f"/admin/forms/submissions/{form_page.pk}/" in message.body
    assert "Phạm Thị Lan" not in message.body and "lan@example.vn" not in message.body
    entry.refresh_from_db()
    assert entry.notified_at is not None

    # Never twice: nothing left to queue, and a duplicate task sends nothing.
    call_command("notify_form_submissions", stdout=io.StringIO())
    from webforms.tasks import notify_new_submission

    notify_new_submission.enqueue(entry.pk)
    run_worker()
    assert len(mail.outbox) == 1
    assert not notices().filter(status="READY").exists()
