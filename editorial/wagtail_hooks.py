from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin import messages

from .create_view import EditorialPageViewSet
from .forms import EditorialPageForm


@hooks.register("after_create_page")
def tell_about_the_draft_that_held_the_slug(request, page):
    message = EditorialPageForm.slug_message(page)
    if message:
        draft = page._slug_taken_by_draft[1]
        messages.warning(
            request,
            message,
            buttons=[
                messages.button(
                    reverse("wagtailadmin_pages:edit", args=(draft.pk,)), "Mở bản nháp kia"
                )
            ],
        )


@hooks.register("register_admin_viewset")
def page_viewset_with_a_create_view_safe_against_a_form_sent_twice():
    # Registered after Wagtail's own base page viewset (its hook has order -1), so it replaces
    # it for every page type that has no viewset of its own (editorial/create_view.py).
    return EditorialPageViewSet()


@hooks.register("insert_editor_js")
def editing_sessions_ignore_answers_older_than_the_autosave():
    return format_html('<script src="{}"></script>', static("editorial/js/editing-sessions.js"))
