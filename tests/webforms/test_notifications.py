"""Staff are told about a submission by a task, never inside the visitor's request: a mail
relay that accepts connections and never answers does not hold the response, and the
submission is stored whatever happens to the mail."""

import io
import socket
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.tasks import default_task_backend

from webforms.models import FormEntry
from webforms.tasks import notify_new_submission

from .conftest import valid_data

RELAY_PORT = 22001  # this helper's port range (22000-22099)


@pytest.fixture
def hanging_relay():
    """An SMTP "relay" on 127.0.0.1 that accepts every connection and never says a word."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", RELAY_PORT))
    server.listen(16)
    accepted = []

    def accept():
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            accepted.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield accepted
    server.close()
    for connection in accepted:
        connection.close()
    thread.join(5)


@pytest.fixture
def queued_tasks(settings):
    """A queue: enqueued tasks wait for a worker. (The project's own TASKS backend stores them
    in the database; this keeps them in memory and runs them when the test says.)"""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


@pytest.mark.django_db
def test_a_hanging_mail_relay_does_not_hold_the_response(
    client, form_page, settings, hanging_relay, queued_tasks, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = RELAY_PORT
    settings.EMAIL_TIMEOUT = 1

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_page.url, valid_data(client, form_page.url))
    assert response.status_code == 303
    entry = FormEntry.objects.get()
    assert hanging_relay == []  # the request never talked to the relay
    [queued] = queued_tasks.results
    assert queued.task.name == notify_new_submission.name and queued.args == [entry.pk]

    # The worker meets the hanging relay: the task fails after EMAIL_TIMEOUT, nothing is lost.
    with pytest.raises((TimeoutError, OSError)):
        notify_new_submission.call(entry.pk)
    assert len(hanging_relay) == 1
    entry.refresh_from_db()
    assert entry.notified_at is None

    # The relay works again: the command queues what was not sent; the worker sends it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    queued_tasks.clear()
    call_command("notify_form_submissions", stdout=io.StringIO())
    [queued] = queued_tasks.results
    assert notify_new_submission.call(*queued.args) is True
    [message] = mail.outbox
    assert message.to == ["bantochuc@example.vn"]
    assert f"/admin/forms/submissions/{form_page.pk}/" in message.body
    assert "Phạm Thị Lan" not in message.body and "lan@example.vn" not in message.body
    entry.refresh_from_db()
    assert entry.notified_at is not None
    assert notify_new_submission.call(entry.pk) is False  # never twice
