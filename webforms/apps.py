from django.apps import AppConfig

# The form's signed timestamp (webforms.forms.new_form_token), as rendered by
# `{{ form.form_started }}`: the page cache keeps a hole there and fills each hit with a fresh one.
STARTED_HOLE = "webform_started"


class WebformsConfig(AppConfig):
    name = "webforms"
    verbose_name = "Biểu mẫu trực tuyến"

    def ready(self):
        from portal.pagecache import holes

        from .forms import STARTED, new_form_token

        holes.register(STARTED_HOLE, holes.hidden_input(STARTED), lambda request: new_form_token())
