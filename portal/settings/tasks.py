"""Background work and mail: django.tasks on the database queue (see docs/registry.md)."""

import os

# django-tasks-db's database queue, worked by `manage.py db_worker` (started by `make run`; a
# systemd unit in production). Wagtail 8.0.1's own small tasks go through the django-tasks
# backport, which would read this setting too: campaigns/registry/apps.py keeps them immediate.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Seconds before a silent SMTP server fails the send (the worker's, never a request's).
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
