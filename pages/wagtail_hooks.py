"""Admin for the pages app's snippets: terms and the people elected in them."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Leader, Term


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "date"
    menu_label = _("Nhiệm kỳ")
    list_display = ["name", "start_year", "end_year"]


class LeaderViewSet(SnippetViewSet):
    model = Leader
    icon = "group"
    menu_label = _("Lãnh đạo, ủy viên")
    list_display = ["name", "position", "unit", "term", "body", "sort_order"]
    list_filter = ["term", "body"]
    search_fields = ["name", "position", "unit"]
    ordering = ["-term__start_year", "sort_order", "name"]


class OrganisationViewSetGroup(SnippetViewSetGroup):
    items = (LeaderViewSet, TermViewSet)
    menu_icon = "group"
    menu_label = _("Tổ chức")
    menu_name = "to-chuc"


register_snippet(OrganisationViewSetGroup)
