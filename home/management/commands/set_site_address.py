"""Point the default Site at the address the site is served on (SITE_URL, or --url)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home import site_address


class Command(BaseCommand):
    help = "Đặt địa chỉ của trang (tên miền và cổng) theo SITE_URL hoặc --url."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="", help="ví dụ https://congdoan.example.vn")

    def handle(self, *args, url="", **options):
        url = url or getattr(settings, "SITE_URL", "")
        if not url:
            raise CommandError("Chưa có địa chỉ: đặt SITE_URL hoặc dùng --url.")
        hostname, port = site_address.parse(url)
        changed = site_address.apply(hostname, port)
        state = "đã cập nhật" if changed else "không đổi"
        self.stdout.write(f"Địa chỉ trang: {hostname}:{port} ({state}).")
