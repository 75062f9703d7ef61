from django.core.management.base import BaseCommand

from portal.pagecache import generation


class Command(BaseCommand):
    help = (
        "Start a new page cache generation: every cached page, fragment and remembered value is "
        "rendered again. Run it after a deploy that changes templates and after bulk writes that "
        "send no signals (QuerySet.update(), bulk_create())."
    )

    def handle(self, *args: object, **options: object) -> None:
        token = generation.bump()
        self.stdout.write(f"Page cache purged (generation {token}).")
