"""The staff area "Đăng ký đoàn viên": the registry list (filters, search by name or phone in any
format, CSV/XLSX export with escaped cells, bulk status change), the detail view (submission log,
consents, status history, hand-offs), correction, erasure; plus targets, privacy notice versions and
forwarding addresses. Visible only with the registry's permissions (the group "Cán bộ tiếp nhận
đoàn viên" gets them from a data migration)."""

import datetime
import os

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from campaigns.provinces import province_choices
from search.text import squash

from . import exports, listing, normalise
from .listing import RegistryPaginator
from .models import (
    ConsentRecord,
    MembershipTarget,
    MemberSignup,
    PrivacyNotice,
    ProvinceForwardAddress,
    RegistryExport,
    SignupSubmission,
)
from .progress import vn_number as vi_number
from .service import change_status, erase_signup, review_submission


def perm(user, action):
    return user.has_perm(f"registry.{action}_membersignup")


# --- the list ------------------------------------------------------------------------------
class MemberSignupFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Trạng thái"), choices=MemberSignup.Status.choices, empty_label=_("Tất cả")
    )
    province = django_filters.ChoiceFilter(
        label=_("Tỉnh, thành phố"), choices=province_choices(), empty_label=_("Tất cả")
    )
    source_page = django_filters.ModelChoiceFilter(
        label=_("Chiến dịch / trang đăng ký"),
        # Pages with at least one sign-up: one index probe per page, never a registry scan.
        queryset=lambda request: Page.objects.filter(
            Exists(MemberSignup.objects.filter(source_page=OuterRef("pk")))
        ).order_by("title"),
        empty_label=_("Tất cả"),
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Ngày đăng ký"), widget=DateRangePickerWidget
    )
    has_pending_changes = django_filters.BooleanFilter(
        label=_("Có thay đổi chờ duyệt"),
        widget=forms.Select(choices=[("", _("Tất cả")), ("true", _("Có")), ("false", _("Không"))]),
    )

    class Meta:
        model = MemberSignup
        fields = ["status", "province", "source_page", "created_at", "has_pending_changes"]


class ProvinceColumn(Column):
    def get_value(self, instance):
        return instance.province_name


class MemberSignupIndexView(generic.IndexView):
    template_name = "registry/admin/membersignup_index.html"
    results_template_name = "registry/admin/membersignup_results.html"
    # Exact counts up to a limit, PostgreSQL's estimate above; deep pages found by key.
    paginator_class = RegistryPaginator
    # Each sort ends with the tie-breaks of its index (models.MemberSignup.Meta.indexes).
    ORDER_TIE_BREAKS = {
        "created_at": ("created_at", "pk"),
        "-created_at": ("-created_at", "-pk"),
        "province": ("province", "-created_at", "-pk"),
        "-province": ("-province", "created_at", "pk"),
        "status": ("status", "-created_at", "-pk"),
        "-status": ("-status", "created_at", "pk"),
        "full_name": ("full_name", "pk"),
        "-full_name": ("-full_name", "-pk"),
    }

    def order_queryset(self, queryset):
        ordering = self.ORDER_TIE_BREAKS.get(self.ordering)
        if ordering:
            return queryset.order_by(*ordering)
        return super().order_queryset(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = context.get("paginator")
        context["items_count_is_estimate"] = bool(paginator and paginator.is_estimate)
        if paginator:
            context["items_count_label"] = paginator.items_count_label
        return context

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("source_page")

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="membersignup"),
            *super().columns,
        ]

    def _get_title_column(self, *args, **kwargs):
        return super()._get_title_column(
            *args, **kwargs, get_title_id=lambda instance: f"membersignup_{instance.pk}_title"
        )

    def get_edit_url(self, instance):
        # The name in the list opens the detail view, where every action is.
        return self.get_inspect_url(instance)

    def search_queryset(self, queryset):
        """A phone number in any spelling (exact, by its index) or a name without accents
        (every word, by the trigram index on PostgreSQL): listing.search."""
        if not self.is_searching:
            return queryset
        return listing.search(queryset, self.search_query)

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and perm(self.request.user, "export")

    def get(self, request, *args, **kwargs):
        # The export buttons ask for an export (made in the background), never a file here.
        if request.GET.get("export"):
            if not perm(request.user, "export"):
                raise PermissionDenied
            return export_confirm(request)
        return super().get(request, *args, **kwargs)


def search_signups(queryset, query):
    """Search by name (accent-insensitive) or by phone number typed in any format: the list's
    search (listing.search), so an export finds exactly what the list showed."""
    return listing.search(queryset, query)


# --- exports (made by the background worker: registry/exports.py) --------------------------
def export_confirm(request):
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


def describe_filters(filters):
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
def export_view(request):
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


def download_view(request, pk):
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
    response = FileResponse(handle, as_attachment=True, filename=os.path.basename(export.file.name))
    patch_cache_control(response, private=True, no_store=True)
    return response


def filters_label(export):
    labels = describe_filters(export.filters or {})
    return "; ".join(labels) if labels else _("Toàn bộ danh sách")


class ExportPermissionPolicy(ModelPermissionPolicy):
    """The exports list is for staff with the registry's export permission; nobody adds, edits
    or deletes an export by hand (requests come from the list, files go by retention)."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and perm(user, "export")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class LocalTimeColumn(Column):
    """A date and time in Vietnam's time zone, as dd/mm/yyyy HH:MM."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if not value:
            return ""
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")


class ExportProgressColumn(Column):
    def get_value(self, instance):
        done = vi_number(instance.row_count)
        if instance.rows_total is None:
            return done if instance.status == RegistryExport.Status.EXPIRED else "—"
        return f"{done} / {vi_number(instance.rows_total)}"


class ExportDownloadColumn(Column):
    cell_template_name = "registry/admin/export_download_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["download_url"] = (
            reverse("registry_export:download", args=[instance.pk]) if instance.downloadable else ""
        )
        return context


class ExportIndexView(generic.IndexView):
    template_name = "registry/admin/export_index.html"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["in_progress"] = any(
            export.status in (RegistryExport.Status.QUEUED, RegistryExport.Status.RUNNING)
            for export in context["object_list"]
        )
        context["retention_days"] = settings.REGISTRY_EXPORT_RETENTION_DAYS
        return context


class RegistryExportViewSet(ModelViewSet):
    model = RegistryExport
    icon = "download"
    menu_label = _("Xuất dữ liệu")
    name = "xuat-du-lieu"
    url_namespace = "registry_export"
    add_to_reference_index = False
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
    list_filter = []
    form_fields = []

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("download/<int:pk>/", download_view, name="download"),
        ]


# --- the detail view -----------------------------------------------------------------------
def display_value(value):
    """A value as the clerk reads it: Có/Không, dd/mm/yyyy, Vietnam time, "–" for nothing."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return value


# The sign-up form's fields, in Vietnamese, for what a submission kept exactly as typed.
FIELD_LABELS = {
    "full_name": _("Họ và tên"),
    "date_of_birth": _("Ngày sinh"),
    "sex": _("Giới tính"),
    "phone": _("Số điện thoại"),
    "email": _("Thư điện tử"),
    "province": _("Tỉnh, thành phố nơi làm việc"),
    "commune": _("Xã, phường"),
    "workplace": _("Nơi làm việc"),
    "freelance": _("Lao động tự do"),
    "occupation": _("Nghề nghiệp"),
    "grassroots_union": _("Công đoàn cơ sở"),
    "nationality": _("Quốc tịch"),
    "nationality_other": _("Quốc tịch khác"),
    "long_contract": _("Hợp đồng lao động từ 12 tháng (người nước ngoài)"),
    "consent_registration": _("Đồng ý xử lý dữ liệu để đăng ký"),
    "consent_news": _("Đồng ý nhận tin"),
}
CHECKBOXES = {"freelance", "long_contract", "consent_registration", "consent_news"}


def typed_rows(data):
    """(label, value) of what was typed, in the form's order; ticked boxes read "Có"."""
    rows = []
    choices = {
        "sex": dict(MemberSignup.Sex.choices),
        "province": dict(province_choices()),
        "nationality": {"VN": _("Việt Nam"), "other": _("Quốc tịch khác")},
    }
    for name, label in FIELD_LABELS.items():
        value = (data or {}).get(name)
        if name in CHECKBOXES:
            value = _("Có") if value else _("Không")
        elif name in choices and value:
            value = choices[name].get(value, value)
        if value:
            rows.append((label, value))
    return rows


class MemberSignupInspectView(generic.InspectView):
    template_name = "registry/admin/membersignup_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(MemberSignup.objects.select_related("source_page"), pk=self.pk)

    def get_fields(self):
        return [
            "full_name",
            "date_of_birth",
            "sex",
            "phone",
            "email",
            "province",
            "commune",
            "workplace",
            "occupation",
            "grassroots_union",
            "nationality",
            "long_contract_confirmed",
            "status",
            "source_page",
            "created_at",
            "forwarded_at",
            "erased_at",
        ]

    def get_phone_display_value(self):
        return self.object.phone_display or "–"

    def get_source_page_display_value(self):
        return self.object.source_title or "–"

    def get_field_display_value(self, field_name, field):
        """Vietnamese words and Vietnam time, never a raw Python value."""
        if getattr(self, f"get_{field_name}_display_value", None) is not None:
            return super().get_field_display_value(field_name, field)
        if field is not None and field.choices:
            return getattr(self.object, f"get_{field_name}_display")() or "–"
        return display_value(getattr(self.object, field_name))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        signup = self.object
        user = self.request.user
        submissions = list(
            signup.submissions.select_related("source_page", "notice", "reviewed_by")
        )
        for submission in submissions:
            submission.typed_rows = typed_rows(submission.data)
        forwardings = list(signup.forwardings.all())
        for forwarding in forwardings:
            forwarding.fields_label = ", ".join(
                str(FIELD_LABELS.get(name, name)) for name in forwarding.fields_sent or []
            )
        context.update(
            {
                "signup": signup,
                "submissions": submissions,
                "consents": signup.consents.select_related("notice", "source_page"),
                "status_changes": signup.status_changes.select_related("changed_by"),
                "forwardings": forwardings,
                "can_change": perm(user, "change") and not signup.is_erased,
                "can_erase": perm(user, "delete") and not signup.is_erased,
                "next_statuses": signup.allowed_next_statuses(),
                "status_url": reverse("registry_membersignup:status", args=[signup.pk]),
                "review_url": reverse("registry_membersignup:review", args=[signup.pk]),
                "withdraw_url": reverse("registry_membersignup:withdraw", args=[signup.pk]),
            }
        )
        return context


def _inspect_url(pk):
    return reverse("registry_membersignup:inspect", args=[pk])


@require_POST
def status_view(request, pk):
    if not perm(request.user, "change"):
        raise PermissionDenied
    signup = get_object_or_404(MemberSignup, pk=pk, erased_at__isnull=True)
    new_status = request.POST.get("status", "")
    note = squash(request.POST.get("note", ""))[:200]
    if change_status(signup, new_status, user=request.user, note=note):
        messages.success(
            request,
            _("Đã chuyển trạng thái sang «%(status)s».")
            % {"status": MemberSignup.Status(new_status).label},
        )
    else:
        messages.error(request, _("Không thể chuyển sang trạng thái đó từ trạng thái hiện tại."))
    return redirect(_inspect_url(pk))


@require_POST
def review_view(request, pk):
    if not perm(request.user, "change"):
        raise PermissionDenied
    submission = get_object_or_404(SignupSubmission, pk=request.POST.get("submission"), signup=pk)
    accept = request.POST.get("decision") == "accept"
    if review_submission(submission, accept=accept, user=request.user):
        log(
            submission.signup,
            "campaigns.registry.review",
            user=request.user,
            data={"submission": submission.pk, "accepted": accept},
        )
        messages.success(request, _("Đã áp dụng thay đổi.") if accept else _("Đã bỏ qua thay đổi."))
    return redirect(_inspect_url(pk))


@require_POST
def withdraw_view(request, pk):
    """Record that the person withdrew one consent (e.g. news), with who recorded it and when."""
    from django.utils import timezone

    if not perm(request.user, "change"):
        raise PermissionDenied
    consent = get_object_or_404(
        ConsentRecord, pk=request.POST.get("consent"), signup=pk, withdrawn_at__isnull=True
    )
    consent.withdrawn_at = timezone.now()
    consent.withdrawn_by = request.user
    consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
    log(
        consent.signup,
        "campaigns.registry.consent_withdrawn",
        user=request.user,
        data={"purpose": consent.purpose},
    )
    messages.success(request, _("Đã ghi nhận việc rút lại sự đồng ý."))
    return redirect(_inspect_url(pk))


# --- correction and erasure ----------------------------------------------------------------
class MemberSignupAdminForm(WagtailAdminModelForm):
    """Staff corrections: the same normalisation as the public form."""

    def clean_full_name(self):
        try:
            return normalise.normalise_name(self.cleaned_data["full_name"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_phone(self):
        try:
            phone = normalise.normalise_phone(self.cleaned_data["phone"])
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
        clash = MemberSignup.objects.filter(phone=phone).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Số điện thoại này đã thuộc một đăng ký khác."))
        return phone


class MemberSignupEditView(generic.EditView):
    def _refuse_erased(self):
        if self.get_object().is_erased:
            messages.error(self.request, _("Đăng ký này đã bị xoá dữ liệu, không thể sửa."))
            return redirect(_inspect_url(self.kwargs["pk"]))
        return None

    def get(self, request, *args, **kwargs):
        return self._refuse_erased() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refuse_erased() or super().post(request, *args, **kwargs)

    def get_success_url(self):
        return _inspect_url(self.object.pk)


class MemberSignupEraseView(generic.DeleteView):
    """Erasure instead of deletion: personal data removed, the row kept (anonymous) for counts."""

    page_title = _("Xoá dữ liệu cá nhân")
    success_message = _("Đã xoá dữ liệu cá nhân của %(object)s.")

    def get_usage_url(self):
        return None

    @property
    def confirmation_message(self):
        return _(
            "Xoá toàn bộ dữ liệu cá nhân của đăng ký này (họ tên, ngày sinh, số điện thoại, nơi "
            "làm việc và nội dung các lần gửi)? Việc này không hoàn tác được. Dòng đăng ký vẫn "
            "được giữ ẩn danh để thống kê."
        )

    def delete_action(self):
        erase_signup(self.object, user=self.request.user, reason="staff")

    def get_success_url(self):
        return _inspect_url(self.object.pk)


# --- bulk status change --------------------------------------------------------------------
class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Trạng thái mới"), choices=MemberSignup.Status.choices)


class ChangeStatusBulkAction(BulkAction):
    display_name = _("Đổi trạng thái")
    action_type = "change_status"
    aria_label = _("Đổi trạng thái các đăng ký đã chọn")
    template_name = "registry/admin/bulk_change_status.html"
    form_class = StatusForm
    models = [MemberSignup]
    action_priority = 10

    def dispatch(self, request, *args, **kwargs):
        if not perm(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all" would ignore the list's filters: only explicit selections are allowed.
        return MemberSignup.objects.none().values_list("pk", flat=True)

    def check_perm(self, obj):
        return not obj.is_erased

    def get_execution_context(self):
        return {"status": self.cleaned_form.cleaned_data["status"], "user": self.request.user}

    @classmethod
    def execute_action(cls, objects, status=None, user=None, **kwargs):
        moved = sum(1 for obj in objects if change_status(obj, status, user=user))
        return moved, len(objects) - moved

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = ngettext(
            "Đã đổi trạng thái %(count)d đăng ký.",
            "Đã đổi trạng thái %(count)d đăng ký.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
        if num_child_objects:
            message += " " + _(
                "%(count)d đăng ký không thể chuyển sang trạng thái đó nên được giữ nguyên."
            ) % {"count": num_child_objects}
        return message


# --- the viewsets --------------------------------------------------------------------------
class MemberSignupViewSet(ModelViewSet):
    model = MemberSignup
    icon = "group"
    menu_label = _("Danh sách đăng ký")
    name = "dang-ky"
    url_namespace = "registry_membersignup"
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = MemberSignupIndexView
    inspect_view_class = MemberSignupInspectView
    edit_view_class = MemberSignupEditView
    delete_view_class = MemberSignupEraseView
    filterset_class = MemberSignupFilterSet
    search_fields = ["full_name"]  # replaced by MemberSignupIndexView.search_queryset
    list_display = [
        "full_name",
        Column("phone_display", label=_("Số điện thoại")),
        ProvinceColumn("province", label=_("Tỉnh, thành phố"), sort_key="province"),
        StatusTagColumn(
            "status",
            label=_("Trạng thái"),
            accessor="get_status_display",
            primary=lambda instance: instance.status == MemberSignup.Status.NEW,
            sort_key="status",
        ),
        Column(
            "has_pending_changes",
            label=_("Chờ duyệt"),
            accessor=lambda signup: _("Có") if signup.has_pending_changes else _("Không"),
        ),
        Column("source_page", label=_("Trang đăng ký"), accessor=lambda s: s.source_title or "–"),
        LocalTimeColumn("created_at", label=_("Đăng ký lúc"), sort_key="created_at"),
    ]
    list_export = [
        "pk",
        "full_name",
        "date_of_birth",
        "sex_label",
        "phone",
        "email",
        "province_name",
        "commune",
        "workplace",
        "occupation",
        "grassroots_union",
        "nationality",
        "status_label",
        "source_title",
        "created_at",
    ]
    export_headings = {
        "pk": "Mã",
        "full_name": "Họ và tên",
        "date_of_birth": "Ngày sinh",
        "sex_label": "Giới tính",
        "phone": "Số điện thoại",
        "email": "Thư điện tử",
        "province_name": "Tỉnh, thành phố",
        "commune": "Xã, phường",
        "workplace": "Nơi làm việc",
        "occupation": "Nghề nghiệp",
        "grassroots_union": "Công đoàn cơ sở",
        "nationality": "Quốc tịch",
        "status_label": "Trạng thái",
        "source_title": "Trang đăng ký",
        "created_at": "Đăng ký lúc",
    }
    export_filename = "dang-ky-doan-vien"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("full_name"),
                    FieldPanel("date_of_birth"),
                    FieldPanel("sex"),
                    FieldPanel("phone"),
                    FieldPanel("email"),
                    FieldPanel("nationality"),
                    FieldPanel("long_contract_confirmed"),
                ],
                heading=_("Người đăng ký"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("province"),
                    FieldPanel("commune"),
                    FieldPanel("workplace"),
                    FieldPanel("occupation"),
                    FieldPanel("grassroots_union"),
                ],
                heading=_("Nơi làm việc"),
            ),
        ],
        base_form_class=MemberSignupAdminForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("status/<int:pk>/", status_view, name="status"),
            path("review/<int:pk>/", review_view, name="review"),
            path("withdraw/<int:pk>/", withdraw_view, name="withdraw"),
            path("export/", export_view, name="export"),
        ]


class MembershipTargetViewSet(ModelViewSet):
    model = MembershipTarget
    icon = "pick"
    menu_label = _("Mục tiêu")
    name = "muc-tieu-doan-vien"
    add_to_reference_index = False
    list_display = ["label", "year", "target", "show_on_home"]
    form_fields = [
        "label",
        "year",
        "target",
        "period_start",
        "period_end",
        "baseline",
        "show_on_home",
    ]


class PrivacyNoticeEditView(generic.EditView):
    """Saving a change makes a new version; the old one stays as proof of what people saw."""

    def save_instance(self):
        edited = self.form.save(commit=False)
        stored = PrivacyNotice.objects.get(pk=edited.pk)
        if (stored.title, stored.body) == (edited.title, edited.body):
            return stored
        new_version = PrivacyNotice.objects.create(
            title=edited.title, body=edited.body, created_by=self.request.user
        )
        log(new_version, "wagtail.create", user=self.request.user)
        return new_version

    def get_success_url(self):
        return reverse(self.index_url_name)


class PrivacyNoticeCreateView(generic.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        log(instance, "wagtail.create", user=self.request.user)
        return instance

    def get_initial_form_instance(self):
        current = PrivacyNotice.current()
        if current is None:
            return super().get_initial_form_instance()
        return PrivacyNotice(title=current.title, body=current.body)


class PrivacyNoticeViewSet(ModelViewSet):
    model = PrivacyNotice
    icon = "doc-full"
    menu_label = _("Thông báo dữ liệu cá nhân")
    name = "thong-bao-du-lieu"
    add_to_reference_index = False
    copy_view_enabled = False
    add_view_class = PrivacyNoticeCreateView
    edit_view_class = PrivacyNoticeEditView
    list_display = ["title", "version", DateColumn("created_at", label=_("Tạo lúc"))]
    form_fields = ["title", "body"]

    # Versions are proof of what people consented to: never deleted (no delete URL or button).
    def get_common_view_kwargs(self, **kwargs):
        return {**super().get_common_view_kwargs(**kwargs), "delete_url_name": None}

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns() if p.name != "delete"]


class ProvinceForwardAddressViewSet(ModelViewSet):
    model = ProvinceForwardAddress
    icon = "mail"
    menu_label = _("Địa chỉ chuyển đăng ký")
    name = "dia-chi-chuyen"
    add_to_reference_index = False
    list_display = [ProvinceColumn("province", label=_("Tỉnh, thành phố")), "union_name", "email"]
    form_fields = ["province", "union_name", "email"]


class RegistryViewSetGroup(ModelViewSetGroup):
    menu_label = _("Đăng ký đoàn viên")
    menu_icon = "group"
    menu_order = 250
    items = (
        MemberSignupViewSet,
        MembershipTargetViewSet,
        PrivacyNoticeViewSet,
        ProvinceForwardAddressViewSet,
        RegistryExportViewSet,
    )


def register_log_actions(actions):
    actions.register_action(
        "campaigns.registry.export", _("Xuất danh sách đăng ký"), _("Đã xuất danh sách")
    )
    actions.register_action(
        "campaigns.registry.export_download",
        _("Tải tệp xuất dữ liệu"),
        _("Đã tải tệp xuất dữ liệu"),
    )
    actions.register_action(
        "campaigns.registry.status", _("Đổi trạng thái đăng ký"), _("Đã đổi trạng thái")
    )
    actions.register_action(
        "campaigns.registry.review", _("Duyệt thay đổi đăng ký"), _("Đã duyệt thay đổi")
    )
    actions.register_action(
        "campaigns.registry.erase", _("Xoá dữ liệu cá nhân"), _("Đã xoá dữ liệu cá nhân")
    )
    actions.register_action(
        "campaigns.registry.consent_withdrawn",
        _("Rút lại sự đồng ý"),
        _("Đã ghi nhận rút lại sự đồng ý"),
    )


__all__ = [
    "ChangeStatusBulkAction",
    "ExportPermissionPolicy",
    "RegistryViewSetGroup",
    "register_log_actions",
]
