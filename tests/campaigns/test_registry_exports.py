"""Exports of the registry: asked for from the admin list with its filters, written by the
background worker into private storage, listed with progress, downloadable only by staff with the
export permission (each download logged), deleted after the retention period. Cells: phones as
0912 345 678, times in Vietnam time, Vietnamese headings, no formula that can run."""

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from campaigns.registry import exports
from campaigns.registry.models import RegistryExport
from campaigns.registry.service import register_member
from campaigns.registry.tasks import purge_registry, run_export
from tests.databases import ensure_root_site

from .registry_helpers import EVIL, make_notice, register_lan_and_binh, run_worker, staff_user
from .test_registry_service import values

INDEX = "registry_membersignup:index"


@pytest.fixture(autouse=True)
def _private_exports(settings, tmp_path):
    settings.REGISTRY_EXPORT_ROOT = tmp_path / "private-exports"
    settings.REGISTRY_FORWARD_ON_COMMIT = False


@pytest.fixture
def entries(home_page):
    return register_lan_and_binh(home_page, make_notice())


def ask(client, file_format, **filters):
    """What a clerk does: the export button of the filtered list, then confirm."""
    confirm = client.get(reverse(INDEX), {"export": file_format, **filters})
    assert confirm.status_code == 200
    assert "Xuất dữ liệu" in confirm.content.decode()
    return client.post(reverse("registry_membersignup:export"), {"format": file_format, **filters})


def written(export):
    export.refresh_from_db()
    with export.file.open("rb") as handle:
        return handle.read()


@pytest.mark.django_db
def test_csv_export_of_the_filtered_list_escapes_formulas_and_reads_as_vietnamese(
    client, staff, entries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as enqueue:
        response = ask(client, "csv", province="79")
    assert response.status_code == 302
    assert response["Location"] == reverse("registry_export:index")
    export = RegistryExport.objects.get()
    assert (export.user, export.status, export.filters) == (staff, "queued", {"province": "79"})
    assert not export.file  # nothing written in the request
    assert len(enqueue) == 1
    run_export.call(export.pk)  # what the worker runs

    body = written(export).decode("utf-8")
    assert body.startswith("\ufeff")  # Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert len(rows) == 2  # the heading and Bình (province 79 only)
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["Họ và tên"] == "Trần Văn Bình"
    assert cells["Số điện thoại"] == "0987 654 321"  # no apostrophe
    assert cells["Nơi làm việc"] == "'" + EVIL
    assert cells["Nghề nghiệp"] == "'@SUM(1+1)"
    assert cells["Công đoàn cơ sở"] == "'-2+3"
    assert cells["Tỉnh, thành phố"] == "Hồ Chí Minh"
    assert cells["Ngày sinh"] == "05/09/1990"
    assert cells["Trạng thái"] == "Mới"
    created = RegistryExport.objects.get().created_at  # made the same minute as the entries
    local = timezone.localtime(created)
    assert cells["Đăng ký lúc"][:10] == local.strftime("%d/%m/%Y")
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in rows[1])
    export.refresh_from_db()
    assert (export.status, export.row_count, export.rows_total) == ("done", 1, 1)
    assert export.search == ""
    log = ModelLogEntry.objects.get(action="campaigns.registry.export")
    assert log.user == staff and log.data["format"] == "csv"


@pytest.mark.django_db
def test_xlsx_export_has_no_formula_that_runs_and_quote_prefixes_strings_starting_with_equals(
    client, staff, entries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        ask(client, "xlsx")
    export = RegistryExport.objects.get()
    run_export.call(export.pk)
    sheet = load_workbook(io.BytesIO(written(export))).active
    rows = list(sheet.iter_rows())
    assert [cell.value for cell in rows[0]][:5] == [
        "Mã",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Số điện thoại",
    ]
    assert not [cell.coordinate for row in rows for cell in row if cell.data_type == "f"]
    evil = next(cell for row in rows for cell in row if cell.value == EVIL)
    assert evil.data_type == "s" and evil.quotePrefix
    phones = {row[4].value for row in rows[1:]}
    assert phones == {"0912 345 678", "0987 654 321"}
    when = rows[1][14]
    assert when.is_date and when.number_format == "DD/MM/YYYY HH:MM"
    # Vietnam time (UTC+7), written without a zone as Excel wants.
    entry_created = RegistryExport.objects.get().created_at
    assert abs(when.value - timezone.localtime(entry_created).replace(tzinfo=None)) < timedelta(
        minutes=5
    )


@pytest.mark.db_independent
def test_the_csv_writer_streams_rows_as_they_come():
    """Constant memory: the writer takes one row at a time from a generator and has written it
    before asking for the next (nothing is collected first)."""
    import tempfile

    with tempfile.TemporaryFile() as handle:
        writer = exports.CsvWriter(handle)
        sizes = []

        def rows():
            for n in range(3):
                writer.text.flush()
                sizes.append(handle.tell())
                yield [n, f"Người {n}"]

        for row in rows():
            writer.row(row)
        writer.close()
    assert sizes[0] < sizes[1] < sizes[2]


@pytest.mark.django_db
def test_a_user_without_the_export_permission_cannot_download_an_export_by_its_url(
    client, staff, entries, django_user_model, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Permission

    with django_capture_on_commit_callbacks(execute=False):
        ask(client, "csv")
    export = RegistryExport.objects.get()
    run_export.call(export.pk)
    url = reverse("registry_export:download", args=[export.pk])
    # Staff with the permission: the file, never cached.
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert b"Nguy" in b"".join(response.streaming_content)
    assert ModelLogEntry.objects.filter(action="campaigns.registry.export_download").count() == 1

    # A clerk who may see the list but not export.
    viewer = staff_user(django_user_model, "xem", group=False)
    viewer.user_permissions.add(Permission.objects.get(codename="view_membersignup"))
    other = Client()
    other.force_login(viewer)
    for forbidden in [
        url,
        reverse("registry_export:index"),
        reverse(INDEX) + "?export=csv",
    ]:
        response = other.get(forbidden)
        assert response.status_code in (302, 403, 404), forbidden
        assert b"Nguy" not in b"".join(getattr(response, "streaming_content", [response.content]))
    assert other.post(reverse("registry_membersignup:export"), {"format": "csv"}).status_code in (
        302,
        403,
    )
    assert RegistryExport.objects.count() == 1

    # Nobody logged in.
    anonymous = Client().get(url)
    assert anonymous.status_code in (302, 403, 404)
    assert "login" in anonymous.get("Location", "login")
    # Downloads by others were not logged as downloads.
    assert ModelLogEntry.objects.filter(action="campaigns.registry.export_download").count() == 1


@pytest.mark.django_db
def test_the_file_is_private_and_has_no_public_url(settings, entries, staff):
    export = RegistryExport.objects.create(user=staff, file_format="csv", status="queued")
    run_export.call(export.pk)
    export.refresh_from_db()
    path = Path(export.file.path).resolve()
    assert path.is_relative_to(Path(settings.REGISTRY_EXPORT_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with pytest.raises(ValueError):
        export.file.url  # noqa: B018


@pytest.mark.django_db
def test_the_exports_list_shows_status_progress_requester_and_local_time(client, staff, entries):
    export = RegistryExport.objects.create(user=staff, file_format="xlsx", status="queued")
    html = client.get(reverse("registry_export:index")).content.decode()
    assert "Đang chờ" in html and "canbo" in html
    assert 'http-equiv="refresh"' in html  # the page follows progress by itself
    run_export.call(export.pk)
    html = client.get(reverse("registry_export:index")).content.decode()
    export.refresh_from_db()
    assert "Xong" in html and "2 / 2" in html
    assert timezone.localtime(export.created_at).strftime("%d/%m/%Y %H:%M") in html
    assert reverse("registry_export:download", args=[export.pk]) in html
    assert 'http-equiv="refresh"' not in html


@pytest.mark.django_db
def test_export_files_are_deleted_after_the_retention_period(settings, entries, staff):
    settings.REGISTRY_EXPORT_RETENTION_DAYS = 7
    old = RegistryExport.objects.create(user=staff, file_format="csv", status="queued")
    recent = RegistryExport.objects.create(user=staff, file_format="csv", status="queued")
    run_export.call(old.pk)
    run_export.call(recent.pk)
    old.refresh_from_db()
    old_path = Path(old.file.path)
    RegistryExport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    purge_registry.call()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert not old_path.exists() and old.status == "expired" and not old.file
    assert recent.status == "done" and Path(recent.file.path).exists()


@pytest.mark.django_db(transaction=True)
def test_an_export_asked_in_the_admin_is_made_by_the_worker(settings):
    ensure_root_site()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from .registry_helpers import GROUP

    # Transactional tests start from a flushed database: give the clerk the permissions.
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_membersignup"),
        Permission.objects.get(codename="export_membersignup"),
    )
    clerk = staff_user(get_user_model())
    register_member(values())
    client = Client()
    client.force_login(clerk)
    ask(client, "xlsx")
    export = RegistryExport.objects.get()
    assert export.status == "queued"
    run_worker()
    export.refresh_from_db()
    assert export.status == "done" and export.row_count == 1
    response = client.get(reverse("registry_export:download", args=[export.pk]))
    assert response.status_code == 200
