"""How much of the admin speaks Vietnamese: for Wagtail's English catalogues (all its apps) and
the other packages whose messages show in the admin, the number of msgids and how many of them
gettext answers in Vietnamese; then `msgfmt --statistics` of the project's own catalogues."""

import shutil
import subprocess

from django.conf import settings
from django.core.management.base import BaseCommand

from editorial.catalogues import OTHER_PACKAGES, statistics


class Command(BaseCommand):
    help = "In số thông điệp giao diện quản trị và số đã dịch sang tiếng Việt."

    def add_arguments(self, parser):
        parser.add_argument("--language", default="vi")
        parser.add_argument(
            "--missing", action="store_true", help="Liệt kê các thông điệp Wagtail chưa dịch."
        )

    def handle(self, *args, language, missing, **options):
        rows = [("wagtail", "django"), ("wagtail", "djangojs")] + [
            (package, "django") for package in OTHER_PACKAGES
        ]
        self.stdout.write(f"{'package':<16}{'domain':<10}{'msgids':>8}{'translated':>12}{'%':>7}")
        for package, domain in rows:
            total, done, untranslated = statistics((package,), domain, language)
            if not total:
                continue
            share = 100 * done / total
            self.stdout.write(f"{package:<16}{domain:<10}{total:>8}{done:>12}{share:>6.1f}%")
            if missing and package == "wagtail":
                for message in untranslated:
                    self.stdout.write(f"    {message.origin}: {message.msgid!r}")
        msgfmt = shutil.which("msgfmt")
        for folder in settings.LOCALE_PATHS:
            for po in sorted(folder.glob(f"{language}/LC_MESSAGES/*.po")):
                if msgfmt is None:
                    self.stdout.write(f"{po}: msgfmt not installed")
                    continue
                result = subprocess.run(  # noqa: S603 (fixed command on our own files)
                    [msgfmt, "--statistics", "-o", "/dev/null", str(po)],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                relative = po.relative_to(settings.BASE_DIR)
                self.stdout.write(f"msgfmt --statistics {relative}: {result.stderr.strip()}")
