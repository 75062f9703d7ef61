"""The registry's background work on the real database queue (django-tasks-db) and its real
worker: the sign-up never waits on SMTP, a failed hand-off is retried with back-off and delivered
exactly once (also with duplicate tasks and two workers), the periodic jobs run from the queue.

These tests commit (the hand-off is enqueued when the sign-up commits, and the worker commits and
closes connections as in production), so they are transactional."""

import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from campaigns.registry.models import Forwarding, MemberSignup, ProvinceForwardAddress
from campaigns.registry.tasks import forward_signup
from tests.databases import ensure_root_site
from tests.smtp_relay import free_port, hanging_relay, use_smtp

from .registry_helpers import form_data, make_notice, make_signup_page, run_worker

PORTS = range(17000, 17100)  # this work's port range on the shared machine


@pytest.fixture
def page(transactional_db, settings):
    settings.REGISTRY_RATE_LIMIT = 0
    home = ensure_root_site()
    make_notice()
    ProvinceForwardAddress.objects.create(province="01", email="tochuc@congdoan-hanoi.example")
    return make_signup_page(home)


@pytest.fixture
def silent_smtp():
    with hanging_relay(PORTS) as (port, _accepted):
        yield port


def forwarding_tasks():
    return DBTaskResult.objects.filter(task_path="campaigns.registry.tasks.forward_signup")


@pytest.mark.django_db(transaction=True)
def test_a_silent_smtp_server_never_delays_the_sign_up(page, settings, silent_smtp):
    timeout = 6
    use_smtp(settings, silent_smtp, timeout)
    started = time.monotonic()
    response = Client().post(page.url, form_data())
    elapsed = time.monotonic() - started
    assert response.status_code == 303
    # Had the request waited on the hand-off it would have taken at least the SMTP timeout.
    assert elapsed < timeout
    signup = MemberSignup.objects.get()
    assert signup.full_name == "Nguyễn Thị Lan"
    assert forwarding_tasks().count() == 1
    assert not Forwarding.objects.exists()  # nothing was tried inside the request

    # The worker tries, gives up after EMAIL_TIMEOUT (it does not hang) and schedules a retry.
    # A shorter timeout here: the request's generous one (a busy machine) need not be waited out.
    settings.EMAIL_TIMEOUT = 1
    run_worker(max_tasks=1)
    failed = Forwarding.objects.get()
    assert failed.outcome == Forwarding.Outcome.FAILED
    assert failed.error in {"TimeoutError", "SMTPServerDisconnected", "timeout"}
    retry = forwarding_tasks().get(status="READY")
    assert retry.args_kwargs == {"args": [signup.pk, 2], "kwargs": {}}
    assert retry.run_after > timezone.now()  # backed off, not retried at once
    signup.refresh_from_db()
    assert signup.forwarded_at is None and signup.forward_claimed_at is None


@pytest.mark.django_db(transaction=True)
def test_a_failed_hand_off_is_retried_with_back_off_and_delivered_exactly_once(page, settings):
    settings.REGISTRY_FORWARD_RETRY_DELAY = 60
    # First attempt: the mail relay refuses connections (nothing listens on this port).
    use_smtp(settings, free_port(PORTS), 5)
    response = Client().post(page.url, form_data())
    assert response.status_code == 303
    signup = MemberSignup.objects.get()

    run_worker()
    assert [f.outcome for f in Forwarding.objects.all()] == ["failed"]
    retry = forwarding_tasks().get(status="READY")
    wait = (retry.run_after - timezone.now()).total_seconds()
    assert 50 < wait <= 60  # the first back-off step
    run_worker()  # not due yet: nothing happens
    assert Forwarding.objects.count() == 1

    # The relay is back; the back-off has elapsed.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    forwarding_tasks().filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["tochuc@congdoan-hanoi.example"]
    assert [f.outcome for f in Forwarding.objects.all()] == ["failed", "sent"]
    signup.refresh_from_db()
    assert signup.forwarded_at and signup.status == MemberSignup.Status.FORWARDED
    assert not forwarding_tasks().filter(status="READY").exists()  # no further retry

    # A duplicate task, the periodic sweep and a second worker pass send nothing more.
    forward_signup.enqueue(signup.pk)
    call_command("forward_registrations", "--enqueue", stdout=open("/dev/null", "w"))
    run_worker()
    assert len(mail.outbox) == 1
    assert Forwarding.objects.filter(outcome="sent").count() == 1


@pytest.mark.django_db(transaction=True)
def test_retries_stop_after_the_last_attempt_and_leave_the_entry_for_the_sweep(page, settings):
    settings.REGISTRY_FORWARD_RETRY_DELAY = 0
    settings.REGISTRY_FORWARD_MAX_ATTEMPTS = 3
    use_smtp(settings, free_port(PORTS), 5)
    Client().post(page.url, form_data())
    run_worker()  # a zero delay: every retry is due at once
    assert Forwarding.objects.filter(outcome="failed").count() == 3
    assert not forwarding_tasks().filter(status="READY").exists()
    signup = MemberSignup.objects.get()
    assert signup.forwarded_at is None  # still queued: the sweep will deliver it

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("forward_registrations", "--enqueue", stdout=open("/dev/null", "w"))
    run_worker()
    assert len(mail.outbox) == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two workers at once need real concurrent connections (PostgreSQL)",
)
@pytest.mark.django_db(transaction=True)
def test_two_workers_with_duplicate_tasks_send_one_mail(page):
    Client().post(page.url, form_data())
    signup = MemberSignup.objects.get()
    for _ in range(5):
        forward_signup.enqueue(signup.pk)
    errors = []

    def work(n):
        try:
            run_worker(worker_id=f"worker-{n}")
        except Exception as error:  # collected and asserted below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(mail.outbox) == 1
    assert Forwarding.objects.filter(outcome="sent").count() == 1
    assert not DBTaskResult.objects.filter(status="READY").exists()


@pytest.mark.django_db(transaction=True)
def test_the_retention_purge_runs_from_the_queue(page, settings):
    from campaigns.registry.service import register_member

    settings.REGISTRY_FORWARD_ON_COMMIT = False
    settings.REGISTRY_RETENTION_DAYS = 30
    old = register_member(
        {"phone": "+84911111111", "full_name": "Lê Văn Cũ", "province": "01"},
        now=timezone.now() - timedelta(days=31),
    ).signup
    call_command("purge_registrations", "--enqueue", stdout=open("/dev/null", "w"))
    old.refresh_from_db()
    assert old.erased_at is None  # only enqueued
    run_worker()
    old.refresh_from_db()
    assert old.erased_at and old.full_name == "" and old.phone is None
    task = DBTaskResult.objects.get(task_path="campaigns.registry.tasks.purge_registry")
    assert task.status == "SUCCESSFUL"
