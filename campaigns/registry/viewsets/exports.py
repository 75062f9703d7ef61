"""Exports in the admin: the confirmation the list's export buttons open, the request (the file
is made by the background worker, ../exports.py), the "Xuất dữ liệu" list with progress, and the
download, for staff with the export permission only, each download logged."""

import os
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from campaigns.provinces import province_choices

from .. import exports
from ..models import MemberSignup, RegistryExport
from ..progress import vn_number as vi_number
from .common import LocalTimeColumn, RegistryViewSet, perm


def export_confirm(request: HttpRequest) -> HttpResponse:
    """The export buttons of the list land here: confirm format and filters, then POST."""
    file_format = request.GET.get("export")
    if file_format not in RegistryExport.Format.values:
        file_format = RegistryExport.Format.XLSX
    filters = exports.filters_from_query(request.GET)
    return TemplateResponse(
        request,
        "registry/admin/export_confirm.html",
        {
            "file_format": file_format,
            "formats": RegistryExport.Format.choices,
            "filters": filters,
            "filter_labels": describe_filters(filters),
            "search": request.GET.get("q", ""),
            "action": reverse("registry_membersignup:export"),
            "index_url": reverse("registry_membersignup:index"),
            "header_icon": "download",
            "page_title": _("Xuất dữ liệu"),
        },
    )


def describe_filters(filters: dict[str, str]) -> list[str]:
    """The filters in words, for the confirmation and the exports list."""
    labels = []
    statuses = dict(MemberSignup.Status.choices)
    for name, value in filters.items():
        if name == "status":
            labels.append(f"{_('Trạng thái')}: {statuses.get(value, value)}")
        elif name == "province":
            labels.append(f"{_('Tỉnh, thành phố')}: {dict(province_choices()).get(value, value)}")
        elif name == "source_page":
            page = Page.objects.filter(pk=value).only("title").first() if value.isdigit() else None
            labels.append(f"{_('Trang đăng ký')}: {page.title if page else value}")
        elif name == "created_at_after":
            labels.append(f"{_('Đăng ký từ ngày')}: {value}")
        elif name == "created_at_before":
            labels.append(f"{_('Đăng ký đến ngày')}: {value}")
        elif name == "has_pending_changes":
            answer = _("Có") if value == "true" else _("Không")
            labels.append(f"{_('Có thay đổi chờ duyệt')}: {answer}")
    return labels


@require_POST
def export_view(request: HttpRequest) -> HttpResponse:
    if not perm(request.user, "export"):
        raise PermissionDenied
    file_format = request.POST.get("format")
    if file_format not in RegistryExport.Format.values:
        messages.error(request, _("Định dạng xuất không hợp lệ."))
        return redirect("registry_membersignup:index")
    search = request.POST.get("q", "").strip()
    export = exports.request_export(
        request.user, file_format, exports.filters_from_query(request.POST), search
    )
    log(
        export,
        "campaigns.registry.export",
        user=request.user,
        data={"format": file_format, "filters": export.filters, "searched": bool(search)},
    )
    messages.success(
        request,
        _(
            "Đã nhận yêu cầu xuất dữ liệu. Tệp sẽ có ở đây khi xuất xong; "
            "trang tự cập nhật tiến độ."
        ),
    )
    return redirect("registry_export:index")


def download_view(request: HttpRequest, pk: int) -> FileResponse:
    """An export file, to staff with the export permission only; each download is logged."""
    if not perm(request.user, "export"):
        raise PermissionDenied
    export = get_object_or_404(RegistryExport, pk=pk)
    if not export.downloadable:
        raise Http404
    try:
        handle = export.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    log(
        export,
        "campaigns.registry.export_download",
        user=request.user,
        data={"format": export.file_format},
    )
    response = FileResponse(
        handle, as_attachment=True, filename=os.path.basename(export.file.name or "")
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def filters_label(export: RegistryExport) -> str:
    labels = describe_filters(export.filters or {})
    return "; ".join(labels) if labels else str(_("Toàn bộ danh sách"))


class ExportPermissionPolicy(ModelPermissionPolicy):
    """The exports list is for staff with the registry's export permission; nobody adds, edits
    or deletes an export by hand (requests come from the list, files go by retention)."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action == "view" and user.is_active and perm(user, "export")

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)


class ExportProgressColumn(Column):
    def get_value(self, instance: RegistryExport) -> str:
        done = vi_number(instance.row_count)
        if instance.rows_total is None:
            return done if instance.status == RegistryExport.Status.EXPIRED else "—"
        return f"{done} / {vi_number(instance.rows_total)}"


class ExportDownloadColumn(Column):
    cell_template_name = "registry/admin/export_download_cell.html"

    def get_cell_context_data(self, instance: RegistryExport, parent_context: Any) -> Any:
        context = super().get_cell_context_data(instance, parent_context)
        context["download_url"] = (
            reverse("registry_export:download", args=[instance.pk]) if instance.downloadable else ""
        )
        return context


class ExportIndexView(generic.IndexView):
    template_name = "registry/admin/export_index.html"

    def get_base_queryset(self) -> QuerySet:
        return super().get_base_queryset().select_related("user")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["in_progress"] = any(
            export.status in (RegistryExport.Status.QUEUED, RegistryExport.Status.RUNNING)
            for export in context["object_list"]
        )
        context["retention_days"] = settings.REGISTRY_EXPORT_RETENTION_DAYS
        return context


class RegistryExportViewSet(RegistryViewSet):
    model = RegistryExport
    icon = "download"
    menu_label = _("Xuất dữ liệu")
    name = "xuat-du-lieu"
    url_namespace = "registry_export"
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = ExportIndexView
    list_display = [
        LocalTimeColumn("created_at", label=_("Yêu cầu lúc")),
        Column("user", label=_("Người yêu cầu")),
        Column("file_format", label=_("Định dạng"), accessor="get_file_format_display"),
        Column("filters", label=_("Bộ lọc"), accessor=filters_label),
        Column("status", label=_("Trạng thái"), accessor="get_status_display"),
        ExportProgressColumn("row_count", label=_("Số dòng")),
        LocalTimeColumn("finished_at", label=_("Xong lúc")),
        ExportDownloadColumn("file", label=_("Tệp")),
    ]
    list_filter: list[str] = []
    form_fields: list[str] = []

    def get_urlpatterns(self) -> list[Any]:
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("download/<int:pk>/", download_view, name="download"),
        ]
