"""Create the local logins for `make run` when they are missing, and print them.

A superuser ("admin") and one demo user per editorial role: "bientap" (group "Biên tập viên":
writes and submits), "lanhdao" (group "Lãnh đạo duyệt": approves and publishes) and "tiepnhan"
(group "Cán bộ tiếp nhận đoàn viên": works the member registry). Passwords are random, kept in
`.local-admin` (git-ignored, readable only by you, one `username:password` a line) so that each
`make run` prints them again. Development only: the command refuses to run without DEBUG, and no
production setting or migration creates these users.
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

SUPERUSER = "admin"
# username -> (group, what the role does, shown beside the login)
DEMO_USERS = {
    "bientap": ("Biên tập viên", "viết bài, gửi duyệt"),
    "lanhdao": ("Lãnh đạo duyệt", "duyệt và xuất bản"),
    "tiepnhan": ("Cán bộ tiếp nhận đoàn viên", "xử lý đăng ký đoàn viên"),
}


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị và tài khoản thử cho từng vai trò (chỉ khi chạy cục bộ)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin-url",
            default="http://127.0.0.1:8000/admin/",
            help="Địa chỉ trang quản trị in kèm thông tin đăng nhập (make run truyền HOST/PORT).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin is for local development only (DEBUG on).")
        store = Path(settings.BASE_DIR) / ".local-admin"
        known = self._read(store)
        User = get_user_model()
        lines = []

        password = self._usable(User, SUPERUSER, known.get(SUPERUSER))
        if password is None and User.objects.filter(is_superuser=True).exists():
            lines.append("Đã có tài khoản quản trị; dùng tài khoản đó để đăng nhập.")
        else:
            if password is None:
                password = secrets.token_urlsafe(12)
                User.objects.create_superuser(SUPERUSER, "admin@example.vn", password)
            known[SUPERUSER] = password
            lines.append(f"  quản trị toàn quyền: {SUPERUSER} / {password}")

        for username, (group_name, role) in DEMO_USERS.items():
            group = Group.objects.filter(name=group_name).first()
            if group is None:
                continue
            password = self._usable(User, username, known.get(username))
            user = User.objects.filter(username=username).first()
            if password is None:
                password = secrets.token_urlsafe(12)
                if user is None:
                    user = User.objects.create_user(
                        username, f"{username}@example.vn", password, is_staff=False
                    )
                else:
                    user.set_password(password)
                    user.save(update_fields=["password"])
            user.groups.add(group)
            known[username] = password
            lines.append(f"  {group_name} ({role}): {username} / {password}")

        store.write_text("".join(f"{name}:{secret}\n" for name, secret in known.items()))
        store.chmod(0o600)
        self.stdout.write(self.style.SUCCESS(f"Đăng nhập quản trị: {options['admin_url']}"))
        for line in lines:
            self.stdout.write(line)

    @staticmethod
    def _read(store):
        known = {}
        if store.exists():
            for line in store.read_text().splitlines():
                if ":" in line:
                    name, secret = line.split(":", 1)
                    known[name.strip()] = secret.strip()
        return known

    @staticmethod
    def _usable(User, username, password):
        """The stored password if it still opens this user's account, else None."""
        if not password:
            return None
        user = User.objects.filter(username=username).first()
        if user is None or not user.check_password(password):
            return None
        return password
