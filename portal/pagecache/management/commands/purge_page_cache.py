from django.core.management.base import BaseCommand

from home.chrome import mark_stale
from portal.pagecache import generation


class Command(BaseCommand):
    help = (
        "Start a new page cache generation: every cached page, fragment and remembered value is "
        "rendered again, and the menus and partners stored with the site settings are built "
        "again. Run it after a deploy that changes templates and after bulk writes that send no "
        "signals (QuerySet.update(), bulk_create())."
    )

    def handle(self, *args: object, **options: object) -> None:
        mark_stale()
        token = generation.bump()
        self.stdout.write(f"Page cache purged (generation {token}).")
