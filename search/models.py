"""Index updates the search server did not take (search/resilient.py), until they are replayed;
on SQLite, the opted-in models' own full-text table (search/mirror.py)."""

from django.apps import apps
from django.db import models
from django.utils import timezone


class PendingIndexUpdate(models.Model):
    """One object whose latest change is not yet in the search server's index."""

    ADD = "add"
    DELETE = "delete"

    model = models.CharField(max_length=100)  # app_label.model_name
    object_id = models.CharField(max_length=255)
    action = models.CharField(max_length=10, choices=[(ADD, "add"), (DELETE, "delete")])
    failed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="search_pending_unique")
        ]
        verbose_name = "cập nhật chỉ mục đang chờ"
        verbose_name_plural = "cập nhật chỉ mục đang chờ"

    def __str__(self):
        return f"{self.action} {self.model} {self.object_id}"

    @classmethod
    def record(cls, action, objects):
        """Remember the latest action per object (an add after a delete wins, and back)."""
        now = timezone.now()
        rows = [
            cls(model=obj._meta.label_lower, object_id=str(obj.pk), action=action, failed_at=now)
            for obj in objects
            if obj.pk is not None
        ]
        if rows:
            cls.objects.bulk_create(
                rows,
                batch_size=500,
                update_conflicts=True,
                unique_fields=["model", "object_id"],
                update_fields=["action", "failed_at"],
            )

    def target(self):
        """The object to send to the server: the current row, or a stand-in to delete."""
        from modelsearch.index import get_indexed_instance

        model = apps.get_model(self.model)
        obj = model._default_manager.filter(pk=self.object_id).first()
        if self.action == self.ADD and obj is not None:
            return self.ADD, get_indexed_instance(obj) or obj
        stand_in = model()
        stand_in.pk = model._meta.pk.to_python(self.object_id)
        return self.DELETE, stand_in


class FTSEntry(models.Model):
    """A row of an FTS5 table of the same columns as modelsearch's, kept by triggers on its entry
    table (SQLite). Created by migration, not by Django."""

    index_entry = models.OneToOneField(
        "wagtailsearch.IndexEntry",
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
    title = models.TextField()
    body = models.TextField(null=True)
    autocomplete = models.TextField(null=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title


class SiteModelFTSEntry(FTSEntry):
    """A row of the opted-in models' FTS5 table (search/mirror.py)."""

    class Meta:
        managed = False
        db_table = "search_sitemodel_fts"
        verbose_name = verbose_name_plural = "mục tìm kiếm toàn văn của đối tác"


class RecentFTSEntry(FTSEntry):
    """A row of the newest index entries' FTS5 table (search/recent.py)."""

    class Meta:
        managed = False
        db_table = "search_recent_fts"
        verbose_name = verbose_name_plural = "mục tìm kiếm toàn văn mới nhất"


class HitSummary(models.Model):
    """What a search hit shows of a page besides its base row: the text it is summarised from
    and its date, written when the page is indexed (search/summaries.py)."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_hit_summary",
    )
    text = models.TextField(blank=True)
    date = models.DateField(null=True)

    class Meta:
        verbose_name = verbose_name_plural = "tóm tắt kết quả tìm kiếm"

    def __str__(self):
        return str(self.page_id)
