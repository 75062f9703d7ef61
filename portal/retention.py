"""The shape every retention purge command shares (`purge_registrations`,
`purge_legal_questions`): `--days` (default: the app's setting), `--dry-run` (count only) and
`--enqueue` (put the purge task on the background queue, as the systemd timers may); without
them the task's body runs here and now. Each app states its `RetentionPolicy` beside the query of
what is due; its command only names it."""

from dataclasses import dataclass

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class RetentionPolicy:
    """What one purge erases. `subject`: one row in the messages ("câu hỏi"); `days_setting`:
    the setting that says how long rows are kept; `task`: dotted path of the background task that
    erases them (given the days); `expired`: dotted path of the query of the rows due."""

    subject: str
    days_setting: str
    task: str
    expired: str


class RetentionPurgeCommand(BaseCommand):
    policy: RetentionPolicy

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Số ngày lưu (mặc định theo cài đặt)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xoá.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Đưa việc xoá vào hàng đợi chạy nền."
        )

    def handle(self, *args, days=None, dry_run=False, enqueue=False, **options):
        policy = self.policy
        days = getattr(settings, policy.days_setting) if days is None else days
        task = import_string(policy.task)
        if dry_run:
            count = import_string(policy.expired)(days).count()
            self.stdout.write(
                f"{count} {policy.subject} sẽ bị xoá dữ liệu cá nhân (quá {days} ngày)."
            )
        elif enqueue:
            task.enqueue(days)
            self.stdout.write("Đã đưa việc xoá dữ liệu quá hạn vào hàng đợi chạy nền.")
        else:
            count = task.call(days)
            self.stdout.write(
                f"Đã xoá dữ liệu cá nhân của {count} {policy.subject} quá {days} ngày."
            )
