"""Erase the personal data of legal questions older than LEGAL_QUESTION_RETENTION_DAYS (daily).

With `--enqueue` the purge is put on the background queue (the systemd timer does this); without
it, it runs here and now."""

from django.conf import settings
from django.core.management.base import BaseCommand

from legal.retention import expired_questions
from legal.tasks import purge_legal_questions


class Command(BaseCommand):
    help = (
        "Xoá họ tên, cách liên hệ và nội dung của các câu hỏi pháp luật đã quá "
        "LEGAL_QUESTION_RETENTION_DAYS ngày (dòng được giữ ẩn danh để thống kê; trang hỏi – đáp "
        "đã đăng không bị ảnh hưởng)."
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
        days = settings.LEGAL_QUESTION_RETENTION_DAYS if days is None else days
        if dry_run:
            count = expired_questions(days).count()
            self.stdout.write(f"{count} câu hỏi sẽ bị xoá dữ liệu cá nhân (quá {days} ngày).")
        elif enqueue:
            purge_legal_questions.enqueue(days)
            self.stdout.write("Đã đưa việc xoá dữ liệu quá hạn vào hàng đợi chạy nền.")
        else:
            erased = purge_legal_questions.call(days)
            self.stdout.write(f"Đã xoá dữ liệu cá nhân của {erased} câu hỏi quá {days} ngày.")
