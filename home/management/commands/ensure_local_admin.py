"""Create a local superuser for `make run` when there is none, and print its login.

The password is random, kept in `.local-admin` (git-ignored, readable only by you) so that each
`make run` can print it again. Never used outside development.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị cục bộ (nếu chưa có) và in thông tin đăng nhập."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin is for local development only (DEBUG on).")
        User = get_user_model()
        store = Path(settings.BASE_DIR) / ".local-admin"
        username = "admin"
        if store.exists():
            username, password = store.read_text().strip().split(":", 1)
            user = User.objects.filter(username=username).first()
            if user is None or not user.check_password(password):
                store.unlink()
                return self.handle(*args, **options)
        elif User.objects.filter(is_superuser=True).exists():
            self.stdout.write("Đã có tài khoản quản trị; dùng tài khoản đó để đăng nhập /admin/.")
            return
        else:
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(username, "admin@example.vn", password)
            store.write_text(f"{username}:{password}")
            store.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Đăng nhập quản trị: http://127.0.0.1:8000/admin/  "
                f"tài khoản: {username}  mật khẩu: {password}"
            )
        )
