"""Admin hooks of the campaigns app. Each issue registers its own part here in a small block."""

from wagtail import hooks

# --- Member registry (registry issue): the "Đăng ký đoàn viên" admin area -------------------
from campaigns.registry_admin import (
    ChangeStatusBulkAction,
    RegistryViewSetGroup,
    register_log_actions,
)


@hooks.register("register_admin_viewset")
def register_registry_viewsets():
    return RegistryViewSetGroup()


hooks.register("register_log_actions", register_log_actions)
hooks.register("register_bulk_action", ChangeStatusBulkAction)


# --- Campaigns issue: the "Vì phúc lợi đoàn viên" partner snippet ---------------------------
from wagtail.snippets.models import register_snippet  # noqa: E402

from campaigns.partner_admin import PartnerViewSet  # noqa: E402

register_snippet(PartnerViewSet)
