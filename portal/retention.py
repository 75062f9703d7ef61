"""The shape every retention purge command shares (`purge_registrations`,
`purge_legal_questions`): `--days` (default: the app's setting), `--dry-run` (count only) and
`--enqueue` (put the purge task on the background queue, as the systemd timers may); without
them the task's body runs here and now. Subclasses name the setting, the task, the query of what
is due and their Vietnamese messages."""

from django.conf import settings
from django.core.management.base import BaseCommand


class RetentionPurgeCommand(BaseCommand):
    days_setting = ""  # e.g. "REGISTRY_RETENTION_DAYS"
    dry_run_message = "{count} mục sẽ bị xoá dữ liệu (quá {days} ngày)."
    enqueued_message = "Đã đưa việc xoá dữ liệu quá hạn vào hàng đợi chạy nền."
    done_message = "Đã xoá dữ liệu cá nhân của {count} mục quá {days} ngày."

    def get_task(self):
        raise NotImplementedError

    def expired(self, days):
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Số ngày lưu (mặc định theo cài đặt)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xoá.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Đưa việc xoá vào hàng đợi chạy nền."
        )

    def handle(self, *args, days=None, dry_run=False, enqueue=False, **options):
        days = getattr(settings, self.days_setting) if days is None else days
        if dry_run:
            count = self.expired(days).count()
            self.stdout.write(self.dry_run_message.format(count=count, days=days))
        elif enqueue:
            self.get_task().enqueue(days)
            self.stdout.write(self.enqueued_message)
        else:
            count = self.get_task().call(days)
            self.stdout.write(self.done_message.format(count=count, days=days))
