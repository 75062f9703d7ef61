"""`register_member()`: the one way a sign-up enters the registry.

Never lose a person: every accepted submission is stored in one transaction (entry, submission
log, consents) before anything else happens. Never count one twice: the normalised phone number is
unique in the database, and the entry is inserted with `ON CONFLICT (phone) DO NOTHING`: a
concurrent insert of the same number becomes a repeat, without a savepoint. The rows of a sign-up
are written with one plain INSERT each (`_insert`), not through the ORM's per-row machinery.
The hand-off to the union is enqueued as a background task when the transaction commits.
"""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Field, Model, QuerySet
from django.db.models.signals import post_save, pre_save
from django.utils import timezone

from portal.retention import RetentionPolicy

from .models import ConsentRecord, MemberSignup, SignupSubmission


@dataclass
class Registration:
    signup: MemberSignup
    submission: SignupSubmission
    created: bool


def _as_json(values: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: value.isoformat() if isinstance(value, datetime.date) else value
        for key, value in values.items()
    }


def _from_json(values: Mapping[str, Any]) -> dict[str, Any]:
    result = dict(values)
    if result.get("date_of_birth"):
        result["date_of_birth"] = datetime.date.fromisoformat(result["date_of_birth"])
    return result


def differences(signup: MemberSignup, values: Mapping[str, Any]) -> list[str]:
    """The personal fields in `values` that differ from the entry."""
    return [
        name
        for name, value in values.items()
        if name in MemberSignup.PERSONAL_FIELDS and getattr(signup, name) != value
    ]


def _insert(rows: Sequence[Model], *, unless_taken: str = "") -> bool:
    """Insert new rows of one model in one statement, as `save()` would (its fields' defaults
    and `pre_save`, the save signals: the portal's text is stored in NFC), without the ORM's
    per-row work: this runs for every sign-up. Sets each row's pk.

    `unless_taken`: a unique field; the statement is `INSERT … ON CONFLICT (field) DO NOTHING`
    (PostgreSQL and SQLite ≥ 3.35), no savepoint, and returns False when the value is taken. A
    concurrent insert of the same value makes PostgreSQL wait for that transaction: it
    committed, the value is taken; it rolled back, this row is stored."""
    model = type(rows[0])
    opts = model._meta
    using = connection.alias
    fields = [
        field
        for field in opts.get_fields()
        if isinstance(field, Field)
        and field.concrete
        and not field.many_to_many
        and not field.primary_key
    ]
    values = []
    for row in rows:
        pre_save.send(model, instance=row, raw=False, using=using, update_fields=None)
        values += [
            field.get_db_prep_save(field.pre_save(row, True), connection) for field in fields
        ]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(field.column)) for field in fields)
    placeholders = ", ".join([f"({', '.join(['%s'] * len(fields))})"] * len(rows))
    conflict = f" ON CONFLICT ({quote(unless_taken)}) DO NOTHING" if unless_taken else ""
    with connection.cursor() as cursor:
        cursor.execute(
            # Table and column names are the model's; every value is a parameter.
            f"INSERT INTO {quote(opts.db_table)} ({columns}) VALUES {placeholders}"  # noqa: S608
            f"{conflict} RETURNING {quote(str(opts.pk.column))}",
            values,
        )
        pks = [pk for (pk,) in cursor.fetchall()]
    if len(pks) < len(rows):
        return False
    for row, pk in zip(rows, pks, strict=True):
        row.pk = pk
        row._state.adding = False
        row._state.db = using
        post_save.send(
            model, instance=row, created=True, raw=False, using=using, update_fields=None
        )
    return True


def register_member(
    values: Mapping[str, Any],
    *,
    typed: Mapping[str, Any] | None = None,
    consent_registration: bool = True,
    consent_news: bool = False,
    notice: Any = None,
    source_page: Any = None,
    now: datetime.datetime | None = None,
) -> Registration:
    """Store one accepted submission. `values` are the normalised personal fields (with `phone`
    in E.164); `typed` is exactly what was typed. Returns a Registration.

    A repeat (same phone) never overwrites the entry: the submission is logged and, if it says
    something different, the entry is flagged `has_pending_changes` for staff to review.
    """
    if not consent_registration:
        raise ValueError("register_member() needs the registration consent.")
    now = now or timezone.now()
    page_id = getattr(source_page, "pk", source_page)
    notice_id = getattr(notice, "pk", notice)
    # Inside a caller's transaction (the sign-up form's, which also spends the form token) no
    # savepoint of its own: any error here undoes the caller's transaction as a whole.
    with transaction.atomic(savepoint=False):
        signup = MemberSignup(**values, source_page_id=page_id, created_at=now)
        signup.fold_name()
        created = _insert([signup], unless_taken="phone")
        if not created:
            # Someone (maybe this person, a second ago in another request) holds this number.
            signup = MemberSignup.objects.select_for_update().get(phone=values["phone"])

        changed = [] if created else differences(signup, values)
        if created:
            review = SignupSubmission.Review.NONE
        elif changed:
            review = SignupSubmission.Review.PENDING
        else:
            review = SignupSubmission.Review.SAME
        submission = SignupSubmission(
            signup=signup,
            submitted_at=now,
            source_page_id=page_id,
            notice_id=notice_id,
            data=typed if typed is not None else _as_json(values),
            normalised=_as_json(values),
            consent_registration=True,
            consent_news=bool(consent_news),
            is_first=created,
            review=review,
        )
        _insert([submission])
        purposes = [ConsentRecord.Purpose.REGISTRATION]
        if consent_news:
            purposes.append(ConsentRecord.Purpose.NEWS)
        _insert(
            [
                ConsentRecord(
                    signup=signup,
                    submission=submission,
                    purpose=purpose,
                    notice_id=notice_id,
                    source_page_id=page_id,
                    granted_at=now,
                )
                for purpose in purposes
            ]
        )
        if changed and not signup.has_pending_changes:
            MemberSignup.objects.filter(pk=signup.pk).update(has_pending_changes=True)
            signup.has_pending_changes = True
        if created and getattr(settings, "REGISTRY_FORWARD_ON_COMMIT", True):
            # Onto the background queue once the entry is committed; the request never waits
            # on the hand-off (registry/tasks.py).
            from .tasks import enqueue_forward_after_commit

            signup_pk = signup.pk
            transaction.on_commit(lambda: enqueue_forward_after_commit(signup_pk))
    return Registration(signup=signup, submission=submission, created=created)


def review_submission(submission: SignupSubmission, *, accept: bool, user: Any) -> bool:
    """Staff decision on a repeat submission's changes: accept (apply its values) or ignore."""
    with transaction.atomic():
        signup = MemberSignup.objects.select_for_update().get(pk=submission.signup_id)
        submission = SignupSubmission.objects.select_for_update().get(pk=submission.pk)
        if submission.review != SignupSubmission.Review.PENDING or signup.is_erased:
            return False
        if accept:
            values = _from_json(submission.normalised)
            changed = differences(signup, values)
            if "phone" in changed:
                changed.remove("phone")  # the phone is the key: it is the same by definition
            for name in changed:
                setattr(signup, name, values[name])
            signup.save()
        submission.review = (
            SignupSubmission.Review.ACCEPTED if accept else SignupSubmission.Review.IGNORED
        )
        submission.reviewed_by = user
        submission.reviewed_at = timezone.now()
        submission.save(update_fields=["review", "reviewed_by", "reviewed_at"])
        still_pending = signup.submissions.filter(review=SignupSubmission.Review.PENDING).exists()
        MemberSignup.objects.filter(pk=signup.pk).update(has_pending_changes=still_pending)
    return True


def change_status(signup: MemberSignup, new_status: str, *, user: Any, note: str = "") -> Any:
    """Move an entry along the workflow, logged with who and when. Returns True if it moved."""
    from wagtail.log_actions import log

    from .models import StatusChange

    with transaction.atomic():
        locked = MemberSignup.objects.select_for_update().get(pk=signup.pk)
        if new_status == locked.status or new_status not in locked.TRANSITIONS.get(
            locked.status, set()
        ):
            return False
        old = locked.status
        locked.status = new_status
        locked.save(update_fields=["status", "updated_at"])
        StatusChange.objects.create(
            signup=locked, from_status=old, to_status=new_status, changed_by=user, note=note
        )
        log(
            locked,
            "campaigns.registry.status",
            user=user,
            data={"from": old, "to": new_status},
        )
    signup.status = new_status
    return True


def erase_signup(signup: MemberSignup, *, user: Any = None, reason: str = "request") -> bool:
    """Remove a person's data and keep the row, anonymous, for the counts."""
    from wagtail.log_actions import log

    with transaction.atomic():
        locked = MemberSignup.objects.select_for_update().get(pk=signup.pk)
        if locked.is_erased:
            return False
        now = timezone.now()
        for name in MemberSignup.PERSONAL_FIELDS:
            if name in ("province",):
                continue  # kept: an aggregate dimension, not identifying on its own
            field: Any = MemberSignup._meta.get_field(name)
            setattr(locked, name, None if field.null else field.get_default())
        locked.has_pending_changes = False
        locked.erased_at = now
        locked.save()
        SignupSubmission.objects.filter(signup=locked).update(data={}, normalised={}, erased_at=now)
        log(locked, "campaigns.registry.erase", user=user, data={"reason": reason})
    signup.refresh_from_db()
    return True


def purge_expired(days: int | None = None) -> int:
    """Erase the entries not admitted within `days` (default REGISTRY_RETENTION_DAYS); the rows
    stay, anonymous, for the counts. Returns how many were erased."""
    days = settings.REGISTRY_RETENTION_DAYS if days is None else days
    erased = 0
    for signup in expired_entries(days).iterator(chunk_size=500):
        erased += erase_signup(signup, reason="retention")
    return erased


def expired_entries(days: int) -> QuerySet[MemberSignup]:
    cutoff = timezone.now() - datetime.timedelta(days=days)
    return MemberSignup.objects.filter(created_at__lt=cutoff, erased_at__isnull=True).exclude(
        status=MemberSignup.Status.ADMITTED
    )


# Entries not admitted are erased after REGISTRY_RETENTION_DAYS (`purge_registrations`).
RETENTION = RetentionPolicy(
    subject="đăng ký",
    days_setting="REGISTRY_RETENTION_DAYS",
    task="campaigns.registry.tasks.purge_registry",
    expired="campaigns.registry.service.expired_entries",
)
