"""Erase registry entries that were not admitted within REGISTRY_RETENTION_DAYS (run daily).

With `--enqueue` the purge is put on the background queue (the systemd timer of
docs/deployment.md does this); without it, it runs here and now."""

from django.conf import settings
from django.core.management.base import BaseCommand

from campaigns.registry.service import expired_entries


class Command(BaseCommand):
    help = (
        "Xoá dữ liệu cá nhân của các đăng ký chưa được kết nạp sau REGISTRY_RETENTION_DAYS ngày "
        "(dòng được giữ ẩn danh để thống kê) và các tệp xuất dữ liệu quá hạn."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Số ngày lưu (mặc định theo cài đặt)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xoá.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Đưa việc xoá vào hàng đợi chạy nền."
        )

    def handle(self, *args, days=None, dry_run=False, enqueue=False, **options):
        days = settings.REGISTRY_RETENTION_DAYS if days is None else days
        if dry_run:
            count = expired_entries(days).count()
            self.stdout.write(f"{count} đăng ký sẽ bị xoá dữ liệu (quá {days} ngày).")
            return
        if enqueue:
            from campaigns.registry.tasks import purge_registry

            purge_registry.enqueue(days)
            self.stdout.write("Đã đưa việc xoá dữ liệu quá hạn vào hàng đợi chạy nền.")
            return
        from campaigns.registry.tasks import purge_registry

        result = purge_registry.call(days)
        self.stdout.write(f"Đã xoá dữ liệu cá nhân của {result} đăng ký quá {days} ngày.")
