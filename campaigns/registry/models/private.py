"""The base of the registry rows no public page shows."""

from django.db import models


class PrivateRecord(models.Model):
    """A registry row that no public page shows (an entry, what happened to it, an export, a
    hand-off address): saving one purges no cached page, so sign-ups never empty the page cache
    (the progress counts are cached briefly on their own; portal.pagecache.purge)."""

    page_cache_purge = False

    class Meta:
        abstract = True
