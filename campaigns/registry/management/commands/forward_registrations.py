"""Hand queued registry entries to the competent union (run every few minutes from cron)."""

from django.core.management.base import BaseCommand

from campaigns.registry.forwarders import forward_pending


class Command(BaseCommand):
    help = "Chuyển các đăng ký đang chờ đến công đoàn có thẩm quyền (theo REGISTRY_FORWARDER)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Tối đa bao nhiêu đăng ký.")

    def handle(self, *args, limit=None, **options):
        counts = forward_pending(limit=limit)
        self.stdout.write(
            f"Đã gửi {counts['sent']}, lỗi {counts['failed']} (giữ lại chờ lần sau), "
            f"bỏ qua {counts['skipped']}."
        )
        if counts["failed"]:
            self.stderr.write("Một số đăng ký chưa chuyển được; chúng vẫn nằm trong hàng đợi.")
