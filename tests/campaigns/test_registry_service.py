"""register_member(): one person one entry even under concurrency, every submission kept,
consents with their notice version, hand-off after commit, erasure and the retention purge."""

import threading
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from campaigns.registry.forwarders import forward_pending, queued
from campaigns.registry.models import (
    ConsentRecord,
    Forwarding,
    MemberSignup,
    PrivacyNotice,
    ProvinceForwardAddress,
    SignupSubmission,
    StatusChange,
)
from campaigns.registry.service import (
    change_status,
    erase_signup,
    register_member,
    review_submission,
)

from .registry_helpers import make_notice


def values(phone="+84912345678", **overrides):
    data = {
        "full_name": "Nguyễn Thị Lan",
        "date_of_birth": date(1990, 9, 5),
        "sex": "nu",
        "phone": phone,
        "email": "lan@example.vn",
        "province": "01",
        "commune": "",
        "workplace": "Trường Tiểu học Kim Liên",
        "occupation": "",
        "grassroots_union": "",
        "nationality": "Việt Nam",
        "long_contract_confirmed": False,
    }
    data.update(overrides)
    return data


def quiet(*args, **kwargs):
    with open("/dev/null", "w") as devnull:
        call_command(*args, stdout=devnull, stderr=devnull, **kwargs)


@pytest.mark.django_db
def test_the_phone_is_unique_in_the_database(home_page):
    from django.db import IntegrityError, transaction

    MemberSignup.objects.create(phone="+84912345678", full_name="A B")
    with pytest.raises(IntegrityError), transaction.atomic():
        MemberSignup.objects.create(phone="+84912345678", full_name="C D")
    # Erased entries (phone NULL) do not collide with each other.
    MemberSignup.objects.create(phone=None)
    MemberSignup.objects.create(phone=None)


@pytest.mark.django_db
def test_consents_record_purpose_version_page_and_time(home_page):
    notice = make_notice()
    reg = register_member(values(), notice=notice, source_page=home_page, consent_news=False)
    consent = ConsentRecord.objects.get()
    assert consent.purpose == ConsentRecord.Purpose.REGISTRATION
    assert consent.notice == notice
    assert consent.source_page_id == home_page.pk
    assert consent.submission == reg.submission
    assert consent.withdrawn_at is None
    with pytest.raises(ValueError):
        register_member(values(phone="+84987654321"), consent_registration=False)


@pytest.mark.django_db
def test_submissions_are_append_only(home_page):
    reg = register_member(values())
    submission = reg.submission
    submission.data = {"full_name": "changed"}
    with pytest.raises(ValueError):
        submission.save()
    with pytest.raises(ValueError):
        submission.delete()
    assert SignupSubmission.objects.get().data["full_name"] == "Nguyễn Thị Lan"


@pytest.mark.django_db
def test_staff_accept_or_ignore_pending_changes(home_page, django_user_model):
    staff = django_user_model.objects.create_user("canbo")
    register_member(values())
    second = register_member(values(workplace="Bệnh viện Bạch Mai")).submission
    third = register_member(values(commune="Phường Cửa Nam")).submission
    signup = MemberSignup.objects.get()
    assert signup.has_pending_changes

    assert review_submission(second, accept=False, user=staff)
    signup.refresh_from_db()
    assert signup.workplace == "Trường Tiểu học Kim Liên" and signup.has_pending_changes

    assert review_submission(third, accept=True, user=staff)
    signup.refresh_from_db()
    assert signup.commune == "Phường Cửa Nam"
    assert not signup.has_pending_changes
    third.refresh_from_db()
    assert third.review == SignupSubmission.Review.ACCEPTED and third.reviewed_by == staff


@pytest.mark.django_db
def test_status_workflow_is_logged_with_who_and_when(home_page, django_user_model):
    from wagtail.models import ModelLogEntry

    staff = django_user_model.objects.create_user("canbo")
    signup = register_member(values()).signup
    assert change_status(signup, MemberSignup.Status.CONTACTED, user=staff)
    assert not change_status(signup, MemberSignup.Status.NEW, user=staff)  # not a transition
    assert change_status(signup, MemberSignup.Status.FORWARDED, user=staff)
    assert change_status(signup, MemberSignup.Status.ADMITTED, user=staff)
    changes = list(StatusChange.objects.values_list("from_status", "to_status", "changed_by"))
    assert changes == [
        ("new", "contacted", staff.pk),
        ("contacted", "forwarded", staff.pk),
        ("forwarded", "admitted", staff.pk),
    ]
    entries = ModelLogEntry.objects.filter(action="campaigns.registry.status")
    assert entries.count() == 3 and all(e.user_id == staff.pk for e in entries)
    assert all("Lan" not in e.label for e in entries)  # the audit label holds no name


@pytest.mark.django_db
def test_erasure_removes_personal_data_and_keeps_the_count(home_page):
    from campaigns.registry.progress import registry_counts

    reg = register_member(values())
    register_member(values(workplace="Khác"))
    erase_signup(reg.signup)
    signup = MemberSignup.objects.get()
    assert signup.erased_at is not None
    assert signup.phone is None and signup.full_name == "" and signup.date_of_birth is None
    assert signup.email == "" and signup.workplace == "" and signup.name_folded == ""
    assert all(s.data == {} and s.normalised == {} for s in signup.submissions.all())
    assert registry_counts()["total"] == 1
    # The same person may register again afterwards: a new entry.
    register_member(values())
    assert MemberSignup.objects.count() == 2


@pytest.mark.django_db
def test_purge_erases_entries_not_admitted_after_the_retention_period(home_page, settings):
    settings.REGISTRY_RETENTION_DAYS = 30
    old = timezone.now() - timedelta(days=31)
    stale = register_member(values("+84911111111"), now=old).signup
    admitted = register_member(values("+84922222222"), now=old).signup
    MemberSignup.objects.filter(pk=admitted.pk).update(status=MemberSignup.Status.ADMITTED)
    recent = register_member(values("+84933333333")).signup
    quiet("purge_registrations")
    stale.refresh_from_db()
    admitted.refresh_from_db()
    recent.refresh_from_db()
    assert stale.erased_at and stale.phone is None and stale.full_name == ""
    assert admitted.erased_at is None and admitted.full_name == "Nguyễn Thị Lan"
    assert recent.erased_at is None
    assert MemberSignup.objects.count() == 3


@pytest.mark.django_db
def test_forwarding_is_enqueued_after_commit_and_records_what_was_sent(
    home_page, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from campaigns.registry.tasks import forward_signup

    ProvinceForwardAddress.objects.create(province="01", email="tochuc@congdoan-hanoi.example")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        signup = register_member(values()).signup
        assert len(mail.outbox) == 0  # nothing leaves inside the transaction
    assert len(callbacks) == 1
    assert not DBTaskResult.objects.exists()  # enqueued only once the entry is committed
    callbacks[0]()
    queued_task = DBTaskResult.objects.get()
    assert queued_task.task_path == "campaigns.registry.tasks.forward_signup"
    assert queued_task.args_kwargs == {"args": [signup.pk], "kwargs": {}}  # an id, no data
    assert len(mail.outbox) == 0  # the worker sends, not the request
    forward_signup.call(signup.pk)  # what the worker runs (tests/campaigns/test_registry_tasks.py)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["tochuc@congdoan-hanoi.example"]
    assert "Nguyễn Thị Lan" in mail.outbox[0].body
    forwarding = Forwarding.objects.get()
    assert forwarding.outcome == Forwarding.Outcome.SENT
    assert forwarding.recipient == "tochuc@congdoan-hanoi.example"
    assert "phone" in forwarding.fields_sent
    signup.refresh_from_db()
    assert signup.forwarded_at and signup.status == MemberSignup.Status.FORWARDED
    # A repeat does not forward again.
    with django_capture_on_commit_callbacks(execute=True):
        register_member(values())
    assert len(mail.outbox) == 1


class BrokenForwarder:
    def send(self, signup):
        raise ConnectionError("mail server down")


@pytest.mark.django_db
def test_a_failed_hand_off_leaves_the_entry_queued_for_the_command(
    home_page, settings, django_capture_on_commit_callbacks
):
    from campaigns.registry.tasks import forward_signup

    settings.REGISTRY_FORWARDER = "tests.campaigns.test_registry_service.BrokenForwarder"
    settings.REGISTRY_DEFAULT_FORWARD_EMAIL = "tiepnhan@congdoan.example"
    settings.REGISTRY_FORWARD_MAX_ATTEMPTS = 1
    with django_capture_on_commit_callbacks(execute=True):
        signup = register_member(values()).signup
    assert MemberSignup.objects.count() == 1  # the sign-up itself is safe
    assert forward_signup.call(signup.pk) == "failed"  # the only attempt allowed here
    failed = Forwarding.objects.get()
    assert failed.outcome == Forwarding.Outcome.FAILED and failed.error == "ConnectionError"
    assert list(queued()) == [signup]

    settings.REGISTRY_FORWARDER = "campaigns.registry.forwarders.EmailForwarder"
    quiet("forward_registrations")
    assert mail.outbox[0].to == ["tiepnhan@congdoan.example"]
    assert list(queued()) == []
    assert forward_pending() == {"sent": 0, "failed": 0, "skipped": 0}


@pytest.mark.django_db
def test_privacy_notice_changes_make_a_new_version(home_page):
    from django.core.exceptions import ValidationError

    first = make_notice("<p>Một</p>")
    second = PrivacyNotice.objects.create(title=first.title, body="<p>Hai</p>")
    assert (first.version, second.version) == (1, 2)
    assert PrivacyNotice.current() == second
    first.body = "<p>Sửa lén</p>"
    with pytest.raises(ValidationError):
        first.save()


# --- concurrency: real threads, each with its own database connection ---------------------
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason=(
        "SQLite's in-memory shared-cache test database fails concurrent writers at once with "
        "'database table is locked' (shared-cache table locks ignore the busy timeout), so "
        "threads cannot write concurrently there; the race exists on PostgreSQL, where these run."
    ),
)


def run_threads(count, target):
    barrier = threading.Barrier(count)
    errors = []

    def worker(n):
        try:
            barrier.wait(timeout=30)
            target(n)
        except Exception as error:  # collected and asserted below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_20_concurrent_submissions_of_one_number_make_one_entry_and_20_submissions(settings):
    settings.REGISTRY_FORWARD_ON_COMMIT = False
    errors = run_threads(20, lambda n: register_member(values(occupation=f"Nghề {n}")))
    assert errors == []
    assert MemberSignup.objects.count() == 1
    assert SignupSubmission.objects.count() == 20
    assert SignupSubmission.objects.filter(is_first=True).count() == 1
    assert ConsentRecord.objects.count() == 20


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_200_concurrent_distinct_submissions_make_200_entries(settings):
    settings.REGISTRY_FORWARD_ON_COMMIT = False

    # 200 distinct numbers from 25 threads at once (8 each): the PostgreSQL server is shared and
    # allows 100 connections in all, so not 200 simultaneous connections.
    def submit_eight(n):
        for i in range(8):
            register_member(values(phone=f"+8491{n * 8 + i:07d}"))

    errors = run_threads(25, submit_eight)
    assert errors == []
    assert MemberSignup.objects.count() == 200
    assert SignupSubmission.objects.count() == 200
