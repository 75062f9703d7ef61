"""Staff read the questions members sent (personal data) in the admin: only with
`legal.view_legalquestion` (group "Cán bộ tư vấn pháp luật"). Personal data is erased after
LEGAL_QUESTION_RETENTION_DAYS (legal/retention.py, `manage.py purge_legal_questions`)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import LegalQuestion


class LegalQuestionViewSet(ModelViewSet):
    model = LegalQuestion
    icon = "help"
    menu_label = _("Câu hỏi pháp luật")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["__str__", "topic", "status", "created_at"]
    list_filter = ["status", "topic"]
    search_fields = ["question"]
    form_fields = ["status", "staff_note"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "full_name",
        "contact",
        "topic",
        "question",
        "created_at",
        "consent_text",
        "consent_version",
        "status",
        "staff_note",
        "erased_at",
    ]


@hooks.register("register_admin_viewset")
def register_viewset():
    return LegalQuestionViewSet("cau-hoi-phap-luat")
