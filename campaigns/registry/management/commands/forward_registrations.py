"""Hand queued registry entries to the competent union: the sweep behind the per-entry tasks.

With `--enqueue` the sweep is put on the background queue (the systemd timer of
docs/deployment.md does this every 15 minutes); without it, it runs here and now."""

from django.core.management.base import BaseCommand

from campaigns.registry.forwarders import forward_pending


class Command(BaseCommand):
    help = "Chuyển các đăng ký đang chờ đến công đoàn có thẩm quyền (theo REGISTRY_FORWARDER)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Tối đa bao nhiêu đăng ký.")
        parser.add_argument(
            "--enqueue", action="store_true", help="Đưa việc chuyển vào hàng đợi chạy nền."
        )

    def handle(self, *args, limit=None, enqueue=False, **options):
        if enqueue:
            from campaigns.registry.tasks import forward_pending_entries

            forward_pending_entries.enqueue(limit)
            self.stdout.write("Đã đưa việc chuyển các đăng ký đang chờ vào hàng đợi chạy nền.")
            return
        counts = forward_pending(limit=limit)
        self.stdout.write(
            f"Đã gửi {counts['sent']}, lỗi {counts['failed']} (giữ lại chờ lần sau), "
            f"bỏ qua {counts['skipped']}."
        )
        if counts["failed"]:
            self.stderr.write("Một số đăng ký chưa chuyển được; chúng vẫn nằm trong hàng đợi.")
