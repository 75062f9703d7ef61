"""The staff area "Đăng ký đoàn viên": the registry list (filters, search by name or phone in any
format, exports made in the background, bulk status change), the detail view (submission log,
consents, status history, hand-offs), correction, erasure; plus targets, privacy notice versions
and forwarding addresses. Visible only with the registry's permissions (the group "Cán bộ tiếp
nhận đoàn viên" gets them from a data migration).

One module per concern: `signups` (the list and its viewset), `detail`, `edits` (correction,
erasure, bulk status), `exports`, `config` (targets, notices, addresses), `common`."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSetGroup

from .config import MembershipTargetViewSet, PrivacyNoticeViewSet, ProvinceForwardAddressViewSet
from .edits import ChangeStatusBulkAction
from .exports import ExportPermissionPolicy, RegistryExportViewSet
from .signups import MemberSignupFilterSet, MemberSignupViewSet, search_signups


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


def register_log_actions(actions: Any) -> None:
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
    "MemberSignupFilterSet",
    "RegistryViewSetGroup",
    "register_log_actions",
    "search_signups",
]
