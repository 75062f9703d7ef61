"""Wagtail's own small tasks (search index and reference index updates), run in this process,
once per object per batch of saves.

Wagtail 8.0.1 enqueues an index update and a reference-index update on *every* save of an indexed
object. Publishing a page saves it three times (the new page, its revision, its publication), so
one publish indexed the same page three times and rebuilt its references three times, inside the
editor's request (an admin publish: 250 ms of CPU, 175-200 ms once coalesced). Inside
`coalesced()` each distinct task (same task, same arguments) waits until the batch ends and
then runs once, against the object as it is saved by then; outside one, a task runs at once.

Batches: every request that may write (`CoalescedTasksMiddleware`), each page a factory creates
(home/factories.py: the tests, the demo and `generate_content`). A task that fails (the object
was deleted later in the batch) fails as it would have at once: recorded on its result, never
raised.

Wagtail declares these tasks with the `django-tasks` backport, whose backend handler reads the
same `TASKS` setting as Django's own tasks framework (the database queue, portal/settings/
tasks.py). Its tasks are not `django.tasks.Task`s, so the database worker could not run them:
`use_for_wagtail_tasks()` gives the backport this backend, also when a test changes `TASKS`
(the backport then reads its settings again).
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from asgiref.local import Local
from django.http import HttpRequest, HttpResponseBase
from django_tasks import TaskResult, TaskResultStatus
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import Task
from django_tasks.utils import get_random_id

BACKPORT_TASKS = {"default": {"BACKEND": "portal.wagtail_tasks.CoalescingBackend"}}

_state = Local()


Pending = dict[str, tuple[Task[Any, Any], tuple[Any, ...], dict[str, Any]]]


def _pending() -> Pending | None:
    pending: Pending | None = getattr(_state, "pending", None)
    return pending


@contextmanager
def coalesced() -> Iterator[None]:
    """Hold Wagtail's tasks until the outermost batch ends, then run each distinct one once.
    Nested batches join the outer one."""
    if _pending() is not None:
        yield
        return
    _state.pending = {}
    try:
        yield
    finally:
        pending = _state.pending
        del _state.pending
        for task, args, kwargs in pending.values():
            task.enqueue(*args, **kwargs)


class CoalescingBackend(ImmediateBackend):
    """The backport's immediate backend, held back inside `coalesced()`."""

    def enqueue(self, task: Task[Any, Any], args: Any, kwargs: Any) -> TaskResult[Any]:
        pending = _pending()
        if pending is None:
            return super().enqueue(task, args, kwargs)
        self.validate_task(task)
        # Task arguments are JSON (the backends store them so): equal JSON, the same task.
        key = json.dumps([task.module_path, args, kwargs], sort_keys=True, default=repr)
        pending.setdefault(key, (task, tuple(args), dict(kwargs)))
        return TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=list(args),
            kwargs=dict(kwargs),
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )


class CoalescedTasksMiddleware:
    """A request's saves of one object index it once, after the view (an editor's publish: three
    saves, one index update and one reference-index update)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return self.get_response(request)
        with coalesced():
            return self.get_response(request)


def use_for_wagtail_tasks() -> None:
    """Give the backport's handler this module's backend, whatever `TASKS` says."""
    from django_tasks import task_backends

    task_backends.configure_settings = lambda settings: BACKPORT_TASKS  # type: ignore[method-assign]
    # The handler's own attributes (django.utils.connection.BaseConnectionHandler): the settings
    # it read and the backends it made from them, made again from ours.
    task_backends._settings = BACKPORT_TASKS  # type: ignore[attr-defined]
    task_backends.__dict__["settings"] = BACKPORT_TASKS
    task_backends._connections = Local()  # type: ignore[attr-defined]
