from django.apps import AppConfig


class LimitsConfig(AppConfig):
    name = "portal.limits"
    label = "limits"
    verbose_name = "Giới hạn chống lạm dụng"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
