from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "portal.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        # Connected in every process (web workers, `publish_scheduled` from cron, shell), so a
        # change made anywhere purges the cache every worker reads.
        from portal import cache_identity  # noqa: F401 - registers check portal.W001

        from . import purge

        purge.connect_signals()
