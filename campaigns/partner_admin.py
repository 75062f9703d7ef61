"""Wagtail admin for the "Vì phúc lợi đoàn viên" partners (registered in wagtail_hooks)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.models import Partner
from editorial.edit_view import EditorialSnippetEditView


class PartnerViewSet(SnippetViewSet):
    model = Partner
    edit_view_class = EditorialSnippetEditView  # a save never overwrites the autosave's revision
    icon = "group"
    menu_label = _("Đối tác phúc lợi")
    menu_name = "partners"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "sector", "scope", "valid_to", "status"]
    list_filter = ["sector", "scope", "status", "live"]
    list_per_page = 50
    search_fields = ["name", "offer_summary"]
    ordering = ["name"]
    list_export = [
        "name",
        "slug",
        "sector",
        "scope",
        "discount_label",
        "signing_union",
        "agreement_number",
        "valid_from",
        "valid_to",
        "status",
        "live",
    ]
    export_filename = "doi-tac-phuc-loi"
