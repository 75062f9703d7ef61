from django.urls import reverse
from wagtail import hooks
from wagtail.admin import messages

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
