from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import mirror
        from .index import add_folded_fields_to_all_page_types

        add_folded_fields_to_all_page_types()
        post_migrate.connect(mirror.sync, dispatch_uid="search.mirror.sync")
