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

    def add_arguments(self, parser):
        parser.add_argument(
            "--host", default="", help="địa chỉ phục vụ trang (make run HOST=…), ví dụ 127.0.0.1"
        )
        parser.add_argument("--port", default="", help="cổng phục vụ trang (make run PORT=…)")

    def handle(self, *args, host="", port="", **options):
        from home import demo as home_demo
        from home import site_address
        from portal.wagtail_tasks import coalesced

        # Each object's search and reference index updated once, at the end (not at each save).
        with transaction.atomic(), coalesced():
            home = home_demo.load(self.stdout)
            for dotted in DEMO_LOADERS:
                if find_spec(dotted) is None:
                    continue
                module = import_module(dotted)
                if hasattr(module, "load"):
                    module.load(home, self.stdout)
            if host or port:
                # Absolute links (canonical, sitemap, feeds) follow the address being served.
                # A server bound to every interface is reached as localhost.
                if host in ("0.0.0.0", "::", "[::]"):  # noqa: S104 - a bind address, not a bind
                    host = "localhost"
                hostname, default_port = site_address.parse(host or "127.0.0.1")
                site_address.apply(hostname, int(port or default_port))
        self.stdout.write(self.style.SUCCESS("Nội dung mẫu đã sẵn sàng."))
