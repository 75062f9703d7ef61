"""Handing new entries to the competent union.

`settings.REGISTRY_FORWARDER` names the forwarder class (a dotted path). It runs in the background
worker (registry/tasks.py: one task per new entry, enqueued when the sign-up commits, retried with
back-off, plus a periodic sweep) or from `manage.py forward_registrations`; never inside a web
request or a transaction that holds a sign-up. Each attempt is
recorded in `Forwarding`; a failure leaves the entry queued (`forwarded_at` empty) for the next run.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .labels import PERSON_HEADINGS
from .models import Forwarding, MemberSignup, ProvinceForwardAddress, StatusChange

logger = logging.getLogger(__name__)

# A claim older than this is considered abandoned (the process died mid-send).
CLAIM_TIMEOUT = timedelta(minutes=15)
QUEUED_STATUSES = [MemberSignup.Status.NEW, MemberSignup.Status.CONTACTED]


@dataclass
class Sent:
    recipient: str
    fields: list = field(default_factory=list)
    summary: str = ""


class BaseForwarder:
    """Subclasses implement `send(signup) -> Sent` and raise on failure."""

    def send(self, signup):  # pragma: no cover - interface
        raise NotImplementedError


class EmailForwarder(BaseForwarder):
    """E-mails each new entry to its province's address (`ProvinceForwardAddress`), or to
    `REGISTRY_DEFAULT_FORWARD_EMAIL` when the province has none."""

    FIELDS = PERSON_HEADINGS

    def recipient_for(self, signup):
        address = ProvinceForwardAddress.objects.filter(province=signup.province).first()
        if address:
            return address.email
        return getattr(settings, "REGISTRY_DEFAULT_FORWARD_EMAIL", "")

    def render_value(self, signup, name):
        if name == "date_of_birth":
            return signup.date_of_birth.strftime("%d/%m/%Y") if signup.date_of_birth else ""
        if name == "sex":
            return signup.get_sex_display()
        if name == "province":
            return signup.province_name
        if name == "phone":
            return signup.phone_display
        return getattr(signup, name) or ""

    def send(self, signup):
        recipient = self.recipient_for(signup)
        if not recipient:
            raise RuntimeError("No forwarding address for this province and no default address.")
        lines = [
            "Đăng ký đoàn viên mới qua cổng thông tin Công đoàn Viên chức Việt Nam.",
            "Đây là đăng ký trước: công đoàn cơ sở (hoặc công đoàn cấp trên) xem xét kết nạp.",
            "",
        ]
        sent_fields = []
        for name, label in self.FIELDS:
            value = self.render_value(signup, name)
            if value:
                lines.append(f"{label}: {value}")
                sent_fields.append(name)
        lines += [
            "",
            f"Mã đăng ký: {signup.pk}",
            f"Đăng ký lúc: {signup.created_at:%d/%m/%Y %H:%M}",
        ]
        subject = f"[Đăng ký đoàn viên] Mã {signup.pk} – {signup.province_name}"
        EmailMessage(subject=subject, body="\n".join(lines), to=[recipient]).send()
        return Sent(recipient=recipient, fields=sent_fields, summary=subject)


def get_forwarder():
    return import_string(
        getattr(settings, "REGISTRY_FORWARDER", "campaigns.registry.forwarders.EmailForwarder")
    )()


def queued():
    """Entries waiting to be handed off."""
    return MemberSignup.objects.filter(
        forwarded_at__isnull=True, erased_at__isnull=True, status__in=QUEUED_STATUSES
    )


def _claim(pk):
    """Take the entry for this process: an atomic UPDATE, so two runners never send it twice."""
    now = timezone.now()
    stale = now - CLAIM_TIMEOUT
    from django.db.models import Q

    return (
        queued()
        .filter(pk=pk)
        .filter(Q(forward_claimed_at__isnull=True) | Q(forward_claimed_at__lt=stale))
        .update(forward_claimed_at=now)
        == 1
    )


def forward_one(pk, forwarder=None):
    """Forward one entry. Returns "sent", "failed" or "skipped". Must not run inside an atomic
    block holding the entry (the send may be a slow network call)."""
    if not _claim(pk):
        return "skipped"
    forwarder = forwarder or get_forwarder()
    path = f"{type(forwarder).__module__}.{type(forwarder).__qualname__}"
    signup = MemberSignup.objects.get(pk=pk)
    try:
        sent = forwarder.send(signup)
    except Exception as error:  # any failure keeps the entry queued
        # Log the entry's id and the error type only: never the person's data.
        logger.warning("Forwarding registry entry %s failed: %s", pk, type(error).__name__)
        with transaction.atomic():
            Forwarding.objects.create(
                signup_id=pk,
                forwarder=path,
                outcome=Forwarding.Outcome.FAILED,
                error=type(error).__name__[:255],
            )
            MemberSignup.objects.filter(pk=pk).update(forward_claimed_at=None)
        return "failed"
    with transaction.atomic():
        now = timezone.now()
        Forwarding.objects.create(
            signup_id=pk,
            forwarder=path,
            recipient=sent.recipient[:254],
            outcome=Forwarding.Outcome.SENT,
            fields_sent=sent.fields,
            summary=sent.summary[:255],
            attempted_at=now,
        )
        locked = MemberSignup.objects.select_for_update().get(pk=pk)
        locked.forwarded_at = now
        locked.forward_claimed_at = None
        update = ["forwarded_at", "forward_claimed_at", "updated_at"]
        if locked.status in QUEUED_STATUSES:
            StatusChange.objects.create(
                signup=locked,
                from_status=locked.status,
                to_status=MemberSignup.Status.FORWARDED,
                note="Tự động chuyển đến công đoàn",
            )
            locked.status = MemberSignup.Status.FORWARDED
            update.append("status")
        locked.save(update_fields=update)
    return "sent"


def forward_pending(limit=None):
    """Forward every queued entry (the management command). Returns a count per outcome."""
    counts = {"sent": 0, "failed": 0, "skipped": 0}
    forwarder = get_forwarder()
    pks = list(queued().order_by("created_at", "pk").values_list("pk", flat=True)[:limit])
    for pk in pks:
        counts[forward_one(pk, forwarder)] += 1
    return counts
