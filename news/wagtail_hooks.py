"""Admin: news categories as a snippet with a chooser (FieldPanel("category") on the article
picks it up), listed with their article counts."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NewsCategory


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "folder-open-inverse"
    menu_label = _("Chuyên mục tin")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", Column("article_count", label=_("Số bài viết"))]
    search_fields = ["name", "description"]
    ordering = ["name"]

    def get_queryset(self, request):
        return NewsCategory.objects.annotate(article_count=Count("articles"))


register_snippet(NewsCategoryViewSet)
