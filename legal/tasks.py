"""Background work of the legal Q&A (Django's task framework, django-tasks-db's queue): the
retention purge, enqueued by `manage.py purge_legal_questions --enqueue` (systemd timer)."""

from django.tasks import task


@task
def purge_legal_questions(days=None):
    from .retention import purge_expired

    return purge_expired(days=days)
