"""Send the search server the index updates it missed while it was down (search/resilient.py).

Run by the `portal-search-replay` systemd timer (deploy/systemd/) every 5 minutes; harmless when
nothing is pending or no search server is configured. A row is deleted only after the server took
the update; when the server still does not answer, the rest waits for the next run."""

from django.core.management.base import BaseCommand, CommandError
from modelsearch.backends import get_search_backend

from search.models import PendingIndexUpdate
from search.resilient import ResilientSearchBackend, outage, server_errors


class Command(BaseCommand):
    help = "Replay search index updates that failed while the search server was unavailable."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=5000, help="rows per run")

    def handle(self, *args, limit=5000, **options):
        backend = get_search_backend()
        pending = PendingIndexUpdate.objects.order_by("failed_at", "pk")
        total = pending.count()
        if not isinstance(backend, ResilientSearchBackend):
            if total:
                self.stdout.write(
                    f"{total} pending update(s), but no search server is configured: "
                    "run `manage.py update_index` after configuring one."
                )
            return
        done = 0
        for row in pending[:limit]:
            action, obj = row.target()
            try:
                if action == PendingIndexUpdate.ADD:
                    backend.server.add(obj)
                else:
                    backend.server.delete(obj)
            except server_errors() as error:
                outage.failed(error)
                raise CommandError(
                    f"Search server still unavailable ({type(error).__name__}); "
                    f"{total - done} update(s) kept for the next run."
                ) from error
            # Delete only this version of the row: a newer failure keeps it pending.
            PendingIndexUpdate.objects.filter(pk=row.pk, failed_at=row.failed_at).delete()
            done += 1
        outage.succeeded()
        self.stdout.write(f"Replayed {done} of {total} pending search index update(s).")
