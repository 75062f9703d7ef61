from django.apps import AppConfig


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = "Văn bản"

    def ready(self):
        from . import signals

        signals.connect()
