"""The registry's background work, on Django's task framework (`django.tasks`).

Every task here runs on the default backend (settings.TASKS: django-tasks-db's database queue,
worked by `manage.py db_worker`), never inside a web request:

- `forward_signup`: the hand-off of one new entry to the competent union, enqueued when the
  sign-up's transaction commits. A failure is retried with exponential back-off
  (`REGISTRY_FORWARD_RETRY_DELAY` seconds, doubled each time, at most
  `REGISTRY_FORWARD_MAX_ATTEMPTS` attempts); after that the entry stays queued for the periodic
  sweep. Exactly once per entry: `forwarders.forward_one()` claims the entry with an atomic UPDATE
  before sending and marks it forwarded in the same transaction as the "sent" record, so a
  duplicate task, a retry or a second worker finds it claimed or done and sends nothing.
- `forward_pending_entries`: the sweep (periodic; also picks up an entry whose task was never
  enqueued because the process died between the commit and the enqueue).
- `purge_registry`: the retention purge (periodic): erases entries past
  `REGISTRY_RETENTION_DAYS` and deletes export files past `REGISTRY_EXPORT_RETENTION_DAYS`.
- `run_export`: writes one export file requested from the admin (registry/exports.py).

Tasks take ids only (never personal data: the queue's rows are not personal data).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

logger = logging.getLogger(__name__)

BACKEND = "default"


def retry_delay(attempt):
    """Seconds to wait before attempt `attempt + 1`: base × 2^(attempt−1), at most six hours."""
    base = float(getattr(settings, "REGISTRY_FORWARD_RETRY_DELAY", 60))
    return min(base * 2 ** (attempt - 1), 6 * 3600)


@task(backend=BACKEND)
def forward_signup(signup_id, attempt=1):
    from .forwarders import forward_one

    outcome = forward_one(signup_id)
    max_attempts = int(getattr(settings, "REGISTRY_FORWARD_MAX_ATTEMPTS", 8))
    if outcome == "failed" and attempt < max_attempts:
        delay = retry_delay(attempt)
        forward_signup.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
            signup_id, attempt + 1
        )
        logger.info(
            "Hand-off of registry entry %s failed (attempt %s); retry in %ss",
            signup_id,
            attempt,
            int(delay),
        )
    return outcome


@task(backend=BACKEND)
def forward_pending_entries(limit=None):
    from .forwarders import forward_pending

    return forward_pending(limit=limit)


@task(backend=BACKEND)
def purge_registry(days=None):
    """Retention: erase expired entries and delete old export files."""
    from .exports import purge_old_exports
    from .service import purge_expired

    erased = purge_expired(days=days)
    purge_old_exports()
    return erased


@task(backend=BACKEND)
def run_export(export_id):
    """Write one export file (registry/exports.py)."""
    from . import exports

    return exports.run(export_id)


def enqueue_forward_after_commit(signup_id):
    """Called from `transaction.on_commit`: puts the hand-off on the queue. Never raises: a queue
    that cannot be reached leaves the entry queued for the sweep, and the sign-up stands."""
    try:
        forward_signup.enqueue(signup_id)
    except Exception as error:
        logger.warning(
            "Could not enqueue the hand-off of registry entry %s: %s",
            signup_id,
            type(error).__name__,
        )
