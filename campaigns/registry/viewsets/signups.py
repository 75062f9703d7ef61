"""The registry list "Danh sách đăng ký": filters, search by name or phone in any format, counts
and pages that do not read the whole table (../listing.py), and the viewset that ties the list to
the detail, correction, erasure and export views.

The list costs the same at 10,000 and at 15 million entries; its fixed cost is kept small too:
the rows are read with only the columns shown, and the cells are written in Python (one
permission check and one URL pattern for the whole page, not one per row)."""

from typing import Any

import django_filters
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column
from wagtail.admin.views import generic
from wagtail.models import Page

from campaigns.provinces import province_choices

from .. import exports, listing
from ..listing import RegistryPaginator
from ..models import MemberSignup
from .common import (
    LocalTimeColumn,
    PlainColumn,
    ProvinceColumn,
    QuickSelect,
    RegistryViewSet,
    perm,
)
from .detail import MemberSignupInspectView, review_view, status_view, withdraw_view
from .edits import MemberSignupAdminForm, MemberSignupEditView, MemberSignupEraseView
from .exports import export_confirm, export_view

TITLE_ID = "membersignup_{}_title"
SOURCE_PAGES_KEY = "registry:source-pages:v1"
SOURCE_PAGES_SECONDS = 60
# The columns a list row reads (`source_page__title` through one join).
LIST_FIELDS = [
    "pk",
    "full_name",
    "phone",
    "province",
    "status",
    "has_pending_changes",
    "created_at",
    "source_page__title",
]


def source_page_choices() -> list[tuple[str, str]]:
    """ "All" and the pages with at least one sign-up (one index probe per page, never a registry
    scan), kept a minute in the cache: a page's first sign-up shows in the filter within a
    minute."""

    def pages() -> list[tuple[str, str]]:
        with_signups = Exists(MemberSignup.objects.filter(source_page=OuterRef("pk")))
        rows = Page.objects.filter(with_signups).order_by("title").values_list("pk", "title")
        return [(str(pk), title) for pk, title in rows]

    cached = cache.get_or_set(SOURCE_PAGES_KEY, pages, SOURCE_PAGES_SECONDS) or []
    return [("", str(_("Tất cả"))), *cached]


class MemberSignupFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Trạng thái"),
        choices=MemberSignup.Status.choices,
        empty_label=_("Tất cả"),
        widget=QuickSelect,
    )
    province = django_filters.ChoiceFilter(
        label=_("Tỉnh, thành phố"),
        choices=province_choices(),
        empty_label=_("Tất cả"),
        widget=QuickSelect,
    )
    # Any page id is accepted (an export asked for a minute ago stays filtered); the choices
    # offered are the cached pages with sign-ups.
    source_page = django_filters.NumberFilter(
        label=_("Chiến dịch / trang đăng ký"),
        widget=QuickSelect(choices=source_page_choices),  # type: ignore[arg-type]
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Ngày đăng ký"), widget=DateRangePickerWidget
    )
    has_pending_changes = django_filters.BooleanFilter(
        label=_("Có thay đổi chờ duyệt"),
        widget=QuickSelect(choices=[("", _("Tất cả")), ("true", _("Có")), ("false", _("Không"))]),
    )

    class Meta:
        model = MemberSignup
        fields = ["status", "province", "source_page", "created_at", "has_pending_changes"]


def search_signups(queryset: QuerySet, query: str) -> QuerySet:
    """Search by name (accent-insensitive) or by phone number typed in any format: the list's
    search (listing.search), so an export finds exactly what the list showed."""
    return listing.search(queryset, query)


# --- the list's cells, written in Python (same markup as Wagtail's cell templates) ---------
class CheckboxColumn(BulkActionsCheckboxColumn):
    def render_cell_html(self, instance: Any, parent_context: Any) -> SafeString:
        return format_html(
            '<td class="bulk-action-checkbox-cell"><input type="checkbox" data-object-id="{}" '
            'data-bulk-action-checkbox class="bulk-action-checkbox" aria-label="{}" '
            'aria-describedby="{}"></td>',
            instance.pk,
            _("Chọn"),
            TITLE_ID.format(instance.pk),
        )


class NameColumn(Column):
    """The name, linked to the detail view (where every action is)."""

    def __init__(self, *args: Any, url_pattern: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.url_pattern = url_pattern

    def render_cell_html(self, instance: Any, parent_context: Any) -> SafeString:
        name = instance.full_name or "–"
        title = format_html('<span id="{}">{}</span>', TITLE_ID.format(instance.pk), name)
        if self.url_pattern:
            title = format_html('<a href="{}">{}</a>', self.url_pattern.format(instance.pk), title)
        return format_html('<td class="title"><div class="title-wrapper">{}</div></td>', title)


class StatusColumn(Column):
    @cached_property
    def labels(self) -> dict[str, str]:
        """The statuses' labels, translated once for the page (not once per row)."""
        return {value: str(label) for value, label in MemberSignup.Status.choices}

    def render_cell_html(self, instance: Any, parent_context: Any) -> SafeString:
        primary = " w-status--primary" if instance.status == MemberSignup.Status.NEW else ""
        return format_html(
            '<td><span class="w-status{}">{}</span></td>',
            primary,
            self.labels.get(instance.status, instance.status),
        )


class YesNoColumn(PlainColumn):
    @cached_property
    def answers(self) -> tuple[str, str]:
        return str(_("Không")), str(_("Có"))

    def get_value(self, instance: Any) -> str:
        return self.answers[bool(super().get_value(instance))]


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

    def order_queryset(self, queryset: QuerySet) -> QuerySet:
        ordering = self.ORDER_TIE_BREAKS.get(self.ordering)
        if ordering:
            return queryset.order_by(*ordering)
        return super().order_queryset(queryset)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        paginator = context.get("paginator")
        context["items_count_is_estimate"] = bool(paginator and paginator.is_estimate)
        if paginator:
            context["items_count_label"] = paginator.items_count_label
        return context

    def get_base_queryset(self) -> QuerySet:
        return MemberSignup.objects.select_related("source_page").only(*LIST_FIELDS)

    @cached_property
    def detail_url_pattern(self) -> str:
        """The detail view's URL with `{}` for the entry: one permission check and one
        `reverse()` for the page instead of one per row."""
        if not self.user_has_any_permission({"add", "change", "delete", "view"}):
            return ""
        return reverse("registry_membersignup:inspect", args=[0]).replace("/0/", "/{}/")

    @cached_property
    def columns(self) -> list[Column]:
        return [
            CheckboxColumn("bulk_actions", obj_type="membersignup"),
            NameColumn(
                "full_name",
                label=_("Họ và tên"),
                sort_key="full_name",
                url_pattern=self.detail_url_pattern,
            ),
            PlainColumn("phone_display", label=_("Số điện thoại")),
            ProvinceColumn("province", label=_("Tỉnh, thành phố"), sort_key="province"),
            StatusColumn("status", label=_("Trạng thái"), sort_key="status"),
            YesNoColumn("has_pending_changes", label=_("Chờ duyệt")),
            PlainColumn(
                "source_page", label=_("Trang đăng ký"), accessor=lambda s: s.source_title or "–"
            ),
            LocalTimeColumn("created_at", label=_("Đăng ký lúc"), sort_key="created_at"),
        ]

    def get_paginator(self, *args: Any, **kwargs: Any) -> RegistryPaginator:
        paginator = super().get_paginator(*args, **kwargs)
        paginator.estimate_searches = self.is_searching
        return paginator

    def search_queryset(self, queryset: QuerySet) -> QuerySet:
        """A phone number in any spelling (exact, by its index) or a name without accents
        (every word, by the index of its words on PostgreSQL): listing.search."""
        if not self.is_searching:
            return queryset
        return listing.search(queryset, self.search_query)

    @cached_property
    def show_export_buttons(self) -> bool:
        return perm(self.request.user, "export")

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        # The export buttons ask for an export (made in the background), never a file here.
        if request.GET.get("export"):
            if not perm(request.user, "export"):
                raise PermissionDenied
            return export_confirm(request)
        return super().get(request, *args, **kwargs)


class MemberSignupViewSet(RegistryViewSet):
    model = MemberSignup
    icon = "group"
    menu_label = _("Danh sách đăng ký")
    name = "dang-ky"
    url_namespace = "registry_membersignup"
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = MemberSignupIndexView
    inspect_view_class = MemberSignupInspectView
    edit_view_class = MemberSignupEditView
    delete_view_class = MemberSignupEraseView
    filterset_class = MemberSignupFilterSet
    search_fields = ["full_name"]  # replaced by MemberSignupIndexView.search_queryset
    list_display = ["full_name"]  # the list's columns: MemberSignupIndexView.columns
    # The export buttons (the export itself: ../exports.py, in the background).
    list_export = [key for key, _heading in exports.COLUMNS]
    export_filename = "dang-ky-doan-vien"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel(name)
                    for name in MemberSignup.PERSONAL_FIELDS
                    if name not in MemberSignup.WORKPLACE_FIELDS
                ],
                heading=_("Người đăng ký"),
            ),
            MultiFieldPanel(
                [FieldPanel(name) for name in MemberSignup.WORKPLACE_FIELDS],
                heading=_("Nơi làm việc"),
            ),
        ],
        base_form_class=MemberSignupAdminForm,
    )

    def get_urlpatterns(self) -> list[Any]:
        return [
            *super().get_urlpatterns(),
            path("status/<int:pk>/", status_view, name="status"),
            path("review/<int:pk>/", review_view, name="review"),
            path("withdraw/<int:pk>/", withdraw_view, name="withdraw"),
            path("export/", export_view, name="export"),
        ]
