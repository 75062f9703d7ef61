"""Admin: issuing bodies are snippets editors manage themselves."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import IssuingBody


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "group"
    menu_label = _("Cơ quan ban hành")
    add_to_admin_menu = False
    list_display = ["name", "short_name", "slug"]
    search_fields = ["name", "short_name"]
    ordering = ["name"]


register_snippet(IssuingBodyViewSet)
