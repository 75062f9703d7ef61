"""Bulk content for benchmarks and pagination: `generate_content --articles N --documents N`.
Each app provides the generator for what it owns."""

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils.module_loading import import_string

GENERATORS = {
    "articles": "news.generate.generate_articles",
    "documents": "resolutions.generate.generate_documents",
    "partners": "campaigns.generate.generate_partners",
}


class Command(BaseCommand):
    help = "Sinh nhiều nội dung giả lập (bài viết, văn bản, đối tác) để đo hiệu năng."

    def add_arguments(self, parser):
        for kind in GENERATORS:
            parser.add_argument(f"--{kind}", type=int, default=0, metavar="N")
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args, **options):
        for kind, dotted in GENERATORS.items():
            count = options[kind]
            if count:
                created = import_string(dotted)(count, seed=options["seed"], stdout=self.stdout)
                self.stdout.write(f"{kind}: {created}")
        if connection.vendor == "postgresql":
            # Bulk inserts leave the planner's statistics stale until autovacuum catches up; with
            # stale counts it picks sequential scans for "newest first" listings.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        from home.chrome import mark_stale
        from portal.pagecache.purge import purge

        purge("generate_content")
        mark_stale()  # bulk inserts send no signals: the chrome and the home page's sections
