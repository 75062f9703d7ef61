from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import MenuItem


class MenuItemViewSet(SnippetViewSet):
    model = MenuItem
    icon = "list-ul"
    menu_label = _("Trình đơn")
    list_display = ["text", "menu", "parent", "sort_order"]
    list_filter = ["menu"]
    ordering = ["menu", "sort_order", "pk"]


register_snippet(MenuItemViewSet)
