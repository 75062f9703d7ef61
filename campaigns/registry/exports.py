"""Exports of the registry list, of any size, made by the background worker.

A staff member with the export permission asks for an export of the list as filtered (CSV or
XLSX); `request_export()` records it (`RegistryExport`, status "queued") and enqueues
`tasks.run_export`. The worker streams the rows (`.iterator(chunk_size=…)`, plain values, no model
instances) into a temporary file (CSV with a UTF-8 byte-order mark, or XLSX in openpyxl's
write-only mode, whose strings are written inline), so memory stays constant whatever the size,
then moves it into private storage (`REGISTRY_EXPORT_ROOT`, never under MEDIA_ROOT, no URL).
Progress (rows done of rows total) is saved every `PROGRESS_EVERY` rows for the admin list.

Cells: phones as Vietnamese read them (`0912 345 678`, no apostrophe), dates as dd/mm/yyyy, times
in Asia/Ho_Chi_Minh, Vietnamese headings and labels. Formula injection: in CSV a text cell
starting with = + - @ tab or CR gets a leading apostrophe (a spreadsheet would run it); in XLSX
every text is written as a string (never a formula) and one starting with "=" also gets Excel's
quote prefix, so editing the cell keeps it text.
"""

import csv
import datetime
import logging
import os
import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from campaigns.provinces import province_name

from .labels import PERSON_HEADINGS
from .models import MemberSignup, RegistryExport
from .normalise import display_phone

logger = logging.getLogger(__name__)

CHUNK_SIZE = 2000
PROGRESS_EVERY = 2000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# The filter parameters of the admin list an export keeps (never the search: see `search`).
FILTER_PARAMS = [
    "status",
    "province",
    "source_page",
    "created_at_after",
    "created_at_before",
    "has_pending_changes",
]

# (value key, heading): the value keys are computed by `export_rows()`.
COLUMNS = [
    ("pk", "Mã"),
    *PERSON_HEADINGS,
    ("status", "Trạng thái"),
    ("source_page__title", "Trang đăng ký"),
    ("created_at", "Đăng ký lúc"),
]
DATE_FORMAT = "%d/%m/%Y"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"


def escape_csv_cell(value):
    """A CSV text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


# --- asking for an export ------------------------------------------------------------------
def filters_from_query(query):
    """The list's filter parameters from a request's GET (a QueryDict), as a plain dict."""
    return {name: query.get(name) for name in FILTER_PARAMS if query.get(name)}


def request_export(user, file_format, filters, search=""):
    """Record an export request and enqueue it once the record is committed."""
    from .tasks import run_export

    if file_format not in RegistryExport.Format.values:
        raise ValueError(f"Unknown export format {file_format!r}")
    export = RegistryExport.objects.create(
        user=user,
        file_format=file_format,
        status=RegistryExport.Status.QUEUED,
        filters=filters,
        search=(search or "")[:255],
    )
    transaction.on_commit(lambda: run_export.enqueue(export.pk))
    return export


def export_queryset(export):
    """The entries of an export: the admin list's filters and search, as they were asked for."""
    from .viewsets import MemberSignupFilterSet, search_signups

    data = QueryDict(mutable=True)
    for name, value in (export.filters or {}).items():
        if name in FILTER_PARAMS:
            data[name] = value
    queryset = MemberSignup.objects.all()
    filterset = MemberSignupFilterSet(data=data, queryset=queryset, request=None)
    if filterset.is_valid():
        queryset = filterset.qs
    if export.search:
        queryset = search_signups(queryset, export.search)
    return queryset.order_by("pk")


def export_rows(queryset):
    """Plain rows (lists of Python values) of the queryset, streamed in chunks."""
    sexes = dict(MemberSignup.Sex.choices)
    statuses = dict(MemberSignup.Status.choices)
    tz = timezone.get_default_timezone()
    keys = [key for key, _ in COLUMNS]
    for row in queryset.values(*keys).iterator(chunk_size=CHUNK_SIZE):
        created = row["created_at"]
        yield [
            row["pk"],
            row["full_name"],
            row["date_of_birth"],
            str(sexes.get(row["sex"], "")),
            display_phone(row["phone"]),
            row["email"],
            province_name(row["province"]) if row["province"] else "",
            row["commune"],
            row["workplace"],
            row["occupation"],
            row["grassroots_union"],
            row["nationality"],
            str(statuses.get(row["status"], row["status"])),
            row["source_page__title"] or "",
            timezone.localtime(created, tz).replace(tzinfo=None) if created else None,
        ]


# --- writers -------------------------------------------------------------------------------
class CsvWriter:
    suffix = ".csv"

    def __init__(self, handle):
        self.handle = handle
        handle.flush()
        self.text = open(handle.fileno(), "w", encoding="utf-8", newline="", closefd=False)
        self.text.write("\ufeff")  # byte-order mark: Excel then reads UTF-8
        self.writer = csv.writer(self.text)

    def heading(self, titles):
        self.writer.writerow(titles)

    def row(self, values):
        self.writer.writerow([self.cell(value) for value in values])

    def cell(self, value):
        if value is None:
            return ""
        if isinstance(value, datetime.datetime):
            return value.strftime(DATETIME_FORMAT)
        if isinstance(value, datetime.date):
            return value.strftime(DATE_FORMAT)
        return escape_csv_cell(value)

    def close(self):
        self.text.flush()
        self.text.close()


class XlsxWriter:
    suffix = ".xlsx"

    def __init__(self, handle):
        self.handle = handle
        self.workbook = Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet("Đăng ký đoàn viên")

    def heading(self, titles):
        cells = []
        for title in titles:
            cell = WriteOnlyCell(self.sheet, value=title)
            cell.font = Font(bold=True)
            cells.append(cell)
        self.sheet.append(cells)

    def row(self, values):
        self.sheet.append([self.cell(value) for value in values])

    def cell(self, value):
        if isinstance(value, datetime.datetime):
            cell = WriteOnlyCell(self.sheet, value=value)
            cell.number_format = "DD/MM/YYYY HH:MM"
            return cell
        if isinstance(value, datetime.date):
            cell = WriteOnlyCell(self.sheet, value=value)
            cell.number_format = "DD/MM/YYYY"
            return cell
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
            if value.startswith("="):
                # Text, never a formula; the quote prefix keeps it text when edited in Excel.
                cell = WriteOnlyCell(self.sheet, value=value)
                cell.data_type = "s"
                cell.quotePrefix = True
                return cell
        return value

    def close(self):
        self.workbook.save(self.handle)


WRITERS = {"csv": CsvWriter, "xlsx": XlsxWriter}


def write_export(export):
    """Write the export's file (the task's body). Returns the number of rows written."""
    queryset = export_queryset(export)
    RegistryExport.objects.filter(pk=export.pk).update(
        status=RegistryExport.Status.RUNNING,
        started_at=timezone.now(),
        rows_total=queryset.count(),
        row_count=0,
        error="",
    )
    writer_class = WRITERS[export.file_format]
    done = 0
    with tempfile.NamedTemporaryFile(suffix=writer_class.suffix, delete=False) as handle:
        path = handle.name
    try:
        with open(path, "wb") as handle:
            writer = writer_class(handle)
            writer.heading([title for _, title in COLUMNS])
            for values in export_rows(queryset):
                writer.row(values)
                done += 1
                if done % PROGRESS_EVERY == 0:
                    RegistryExport.objects.filter(pk=export.pk).update(row_count=done)
            writer.close()
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        name = f"dang-ky-doan-vien-{stamp}-{export.pk}{writer_class.suffix}"
        with open(path, "rb") as handle:
            export.file.save(name, File(handle), save=False)
    finally:
        os.unlink(path)
    RegistryExport.objects.filter(pk=export.pk).update(
        status=RegistryExport.Status.DONE,
        row_count=done,
        file=export.file.name,
        finished_at=timezone.now(),
        search="",  # a name or a phone number: not kept once used
    )
    return done


def run(export_id):
    export = RegistryExport.objects.filter(pk=export_id).first()
    if export is None or export.status not in (
        RegistryExport.Status.QUEUED,
        RegistryExport.Status.RUNNING,  # a worker died mid-export: start again
    ):
        return None
    try:
        return write_export(export)
    except Exception as error:
        logger.warning("Registry export %s failed: %s", export_id, type(error).__name__)
        RegistryExport.objects.filter(pk=export_id).update(
            status=RegistryExport.Status.FAILED,
            error=type(error).__name__[:255],
            finished_at=timezone.now(),
            search="",
        )
        raise


def purge_old_exports(days=None):
    """Delete the files of exports older than REGISTRY_EXPORT_RETENTION_DAYS (the rows stay, as
    the record of who exported what and when). Returns how many files were deleted."""
    days = settings.REGISTRY_EXPORT_RETENTION_DAYS if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    deleted = 0
    old = RegistryExport.objects.filter(created_at__lt=cutoff).exclude(
        status=RegistryExport.Status.EXPIRED
    )
    for export in old.iterator(chunk_size=500):
        if export.file:
            export.file.delete(save=False)
            deleted += 1
        RegistryExport.objects.filter(pk=export.pk).update(
            status=RegistryExport.Status.EXPIRED, file="", search=""
        )
    return deleted
