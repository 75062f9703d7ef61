from django.apps import AppConfig

# The sign-up form's signed timestamp (forms.new_form_token), as rendered by
# `{{ form.started }}`: the page cache keeps a hole there and fills each hit with a fresh one.
SIGNUP_STARTED_HOLE = "signup_started"


BACKPORT_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def keep_wagtail_tasks_immediate():
    """Wagtail 8.0.1 declares its own tasks (reference index, search index, renditions) with the
    `django-tasks` backport, whose backend handler reads the same `TASKS` setting as Django's.
    Its tasks are not `django.tasks.Task`s, so the database worker could not load them: the
    backport keeps its own immediate backend (what it used before the project had a queue), also
    when a test changes `TASKS` (the backport then asks `configure_settings` again)."""
    from asgiref.local import Local
    from django_tasks import task_backends

    task_backends.configure_settings = lambda settings: BACKPORT_TASKS
    task_backends._settings = BACKPORT_TASKS
    task_backends.__dict__["settings"] = BACKPORT_TASKS
    task_backends._connections = Local()


class RegistryConfig(AppConfig):
    name = "campaigns.registry"
    label = "registry"
    verbose_name = "Đăng ký đoàn viên"

    def ready(self):
        keep_wagtail_tasks_immediate()

        from portal.pagecache import holes

        from .forms import SignupForm, new_form_token

        holes.register(
            SIGNUP_STARTED_HOLE,
            holes.hidden_input(SignupForm.started_name),
            lambda request: new_form_token(),
        )
