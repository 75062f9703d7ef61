"""Queue the staff notification of submissions not yet notified (after a mail outage)."""

from django.core.management.base import BaseCommand

from webforms.models import FormEntry
from webforms.tasks import notify_new_submission


class Command(BaseCommand):
    help = "Gửi lại thông báo cho cán bộ về các bài gửi qua biểu mẫu chưa được báo."

    def handle(self, *args, **options):
        count = 0
        for entry_id in (
            FormEntry.objects.filter(notified_at__isnull=True)
            .exclude(page__formpage__notify_emails="")
            .values_list("pk", flat=True)
        ):
            notify_new_submission.enqueue(entry_id)
            count += 1
        self.stdout.write(f"Đã xếp hàng {count} thông báo.")
