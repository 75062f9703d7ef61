"""The "Đăng ký đoàn viên" admin area: the registry's viewsets, bulk action and log actions."""

from wagtail import hooks

from .viewsets import ChangeStatusBulkAction, RegistryViewSetGroup, register_log_actions


@hooks.register("register_admin_viewset")
def register_registry_viewsets():
    return RegistryViewSetGroup()


hooks.register("register_log_actions", register_log_actions)
hooks.register("register_bulk_action", ChangeStatusBulkAction)
