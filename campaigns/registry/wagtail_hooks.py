"""The "Đăng ký đoàn viên" admin area: the registry's viewsets, bulk action and log actions."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import RegistryExport
from .viewsets import (
    ChangeStatusBulkAction,
    ExportPermissionPolicy,
    RegistryViewSetGroup,
    register_log_actions,
)

# Exports: visible to staff with the registry's export permission only (never add/edit/delete).
register_permission_policy(RegistryExport, ExportPermissionPolicy(RegistryExport))


@hooks.register("register_admin_viewset")
def register_registry_viewsets():
    return RegistryViewSetGroup()


hooks.register("register_log_actions", register_log_actions)
hooks.register("register_bulk_action", ChangeStatusBulkAction)
