"""Erase registry entries that were not admitted within REGISTRY_RETENTION_DAYS (run daily)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from campaigns.registry.models import MemberSignup
from campaigns.registry.service import erase_signup


class Command(BaseCommand):
    help = (
        "Xoá dữ liệu cá nhân của các đăng ký chưa được kết nạp sau REGISTRY_RETENTION_DAYS ngày "
        "(dòng được giữ ẩn danh để thống kê)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Số ngày lưu (mặc định theo cài đặt)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xoá.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.REGISTRY_RETENTION_DAYS if days is None else days
        cutoff = timezone.now() - timedelta(days=days)
        due = MemberSignup.objects.filter(created_at__lt=cutoff, erased_at__isnull=True).exclude(
            status=MemberSignup.Status.ADMITTED
        )
        if dry_run:
            self.stdout.write(f"{due.count()} đăng ký sẽ bị xoá dữ liệu (quá {days} ngày).")
            return
        erased = 0
        for signup in due.iterator():
            erased += erase_signup(signup, reason="retention")
        self.stdout.write(f"Đã xoá dữ liệu cá nhân của {erased} đăng ký quá {days} ngày.")
