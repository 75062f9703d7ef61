"""Admin hooks of the campaigns app. The member registry's admin area is registered by its own
app (campaigns/registry/wagtail_hooks.py)."""

# --- Campaigns issue: the "Vì phúc lợi đoàn viên" partner snippet ---------------------------
from wagtail.snippets.models import register_snippet

from campaigns.partner_admin import PartnerViewSet

register_snippet(PartnerViewSet)
