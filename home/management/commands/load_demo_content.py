"""Build the demo site from the facts in the product brief. Idempotent: a second run changes
nothing. Each app contributes a `demo` module with `load(home, stdout)`; they run in order."""

from importlib import import_module
from importlib.util import find_spec

from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_LOADERS = [
    "news.demo",
    "resolutions.demo",
    "campaigns.demo",
    "campaigns.registry.demo",
    "pages.demo",
    "webforms.demo",
    "gallery.demo",
    "legal.demo",
    "search.demo",
]


class Command(BaseCommand):
    help = "Tạo nội dung mẫu (trang chủ, tin tức, văn bản, chiến dịch). Chạy lại không tạo trùng."

    def handle(self, *args, **options):
        from home import demo as home_demo

        with transaction.atomic():
            home = home_demo.load(self.stdout)
            for dotted in DEMO_LOADERS:
                if find_spec(dotted) is None:
                    continue
                module = import_module(dotted)
                if hasattr(module, "load"):
                    module.load(home, self.stdout)
        self.stdout.write(self.style.SUCCESS("Nội dung mẫu đã sẵn sàng."))
