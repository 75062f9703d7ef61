"""Erase form submissions older than their form's retention period (run daily from cron)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from webforms.models import FormEntry, FormPage


class Command(BaseCommand):
    help = "Xóa các bài gửi qua biểu mẫu đã quá số ngày lưu của từng biểu mẫu."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xóa.")

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        total = 0
        for page_id, days in FormPage.objects.values_list("pk", "retention_days"):
            due = FormEntry.objects.filter(
                page_id=page_id, submit_time__lt=now - timedelta(days=days)
            )
            total += due.count() if dry_run else due.delete()[0]
        # Submissions of a form page that was deleted go with it (CASCADE); nothing else stays.
        verb = "sẽ bị xóa" if dry_run else "đã xóa"
        self.stdout.write(f"{total} bài gửi quá hạn lưu {verb}.")
