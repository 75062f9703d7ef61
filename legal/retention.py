"""Retention of the questions members sent: after LEGAL_QUESTION_RETENTION_DAYS the asker's name,
contact, question and the staff note are erased. The row stays, anonymous (topic, status, date),
for the counts; the published Q&A (LegalAnswer, reworded by staff) never held personal data and
is not touched."""

import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from portal.retention import RetentionPolicy

from .models import LegalQuestion

ERASED = {"full_name": "", "contact": "", "question": "", "staff_note": ""}


def expired_questions(days: int) -> QuerySet[LegalQuestion]:
    cutoff = timezone.now() - datetime.timedelta(days=days)
    return LegalQuestion.objects.filter(created_at__lt=cutoff, erased_at__isnull=True)


def purge_expired(days: int | None = None) -> int:
    """Erase the personal data of questions older than `days` (default the setting); one UPDATE.
    Returns how many were erased."""
    days = settings.LEGAL_QUESTION_RETENTION_DAYS if days is None else days
    return expired_questions(days).update(erased_at=timezone.now(), **ERASED)


RETENTION = RetentionPolicy(
    subject="câu hỏi",
    days_setting="LEGAL_QUESTION_RETENTION_DAYS",
    task="legal.tasks.purge_legal_questions",
    expired="legal.retention.expired_questions",
)
