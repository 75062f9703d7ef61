from django.apps import AppConfig

# The sign-up form's signed timestamp (forms.new_form_token), as rendered by
# `{{ form.started }}`: the page cache keeps a hole there and fills each hit with a fresh one.
SIGNUP_STARTED_HOLE = "signup_started"


class RegistryConfig(AppConfig):
    name = "campaigns.registry"
    label = "registry"
    verbose_name = "Đăng ký đoàn viên"

    def ready(self):
        from portal.wagtail_tasks import use_for_wagtail_tasks

        use_for_wagtail_tasks()

        from portal.pagecache import holes

        from .forms import SignupForm, new_form_token

        holes.register(
            SIGNUP_STARTED_HOLE,
            holes.hidden_input(SignupForm.started_name),
            lambda request: new_form_token(),
        )
