"""Exports of the registry list, made in the background, and their private storage."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.fields import optional_datetime, optional_text

from .private import PrivateRecord


class ExportStorage(FileSystemStorage):
    """Private storage of export files: a folder outside MEDIA_ROOT (`REGISTRY_EXPORT_ROOT`) with
    no URL. Files leave only through the download view, which checks the export permission."""

    def __init__(self) -> None:
        super().__init__(location=None, base_url=None)

    @property
    def base_location(self) -> str:
        return str(settings.REGISTRY_EXPORT_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Registry export files have no public URL.")


def export_storage() -> ExportStorage:
    return ExportStorage()


class RegistryExport(PrivateRecord):
    """One export of the registry list, made in the background: who asked, when, which format
    and filters, its progress, and the file (in private storage, deleted after
    REGISTRY_EXPORT_RETENTION_DAYS). The search text is kept only until the file is written (it
    may be a name or a phone number)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang xuất")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Lỗi")
        EXPIRED = "expired", _("Đã xoá tệp (quá hạn)")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX (Excel)"

    created_at = models.DateTimeField(_("Yêu cầu lúc"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người yêu cầu"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file_format = models.CharField(_("Định dạng"), max_length=8, choices=Format.choices)
    status = models.CharField(
        _("Trạng thái"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    row_count = models.PositiveIntegerField(_("Số dòng đã xuất"), default=0)
    rows_total = models.PositiveIntegerField(_("Tổng số dòng"), null=True, blank=True)
    filters = models.JSONField(_("Bộ lọc"), default=dict, blank=True)
    search = models.CharField(max_length=255, blank=True, editable=False)
    file = models.FileField(
        _("Tệp"), storage=export_storage, upload_to="%Y/%m/", max_length=255, blank=True
    )
    started_at = optional_datetime(_("Bắt đầu lúc"))
    finished_at = optional_datetime(_("Xong lúc"))
    error = optional_text(_("Lỗi"), max_length=255)

    class Meta:
        db_table = "campaigns_registryexport"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lần xuất dữ liệu")
        verbose_name_plural = _("Xuất dữ liệu")

    def __str__(self) -> str:
        return _("Xuất %(format)s số %(pk)s") % {
            "format": self.file_format.upper(),
            "pk": self.pk,
        }

    @property
    def downloadable(self) -> bool:
        return self.status == self.Status.DONE and bool(self.file)
