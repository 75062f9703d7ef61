"""Wagtail's create view, safe against the same form sent twice.

Wagtail 8 autosaves the create form: the first autosave that validates POSTs the form (as JSON)
to the create address, which makes the page, and only when its answer arrives does the browser
point the form at the new page's edit address. A "Xuất bản" (or "Gửi duyệt", "Lưu nháp") pressed
while that autosave is on its way POSTs the same form to the create address again. Wagtail has
nothing to tell the two apart: both make a page. Whichever commits second either fails in
`add_child` ("slug already in use", or the tree's path taken: a 500) or, validated after the
first committed, steps past the draft it left to "…-2" (editorial/forms.py): a second page.

Every create form carries a key (EditorialPageForm's hidden `create_form_key`). A POST with a key
claims it (a PageCreation row, unique) in a transaction that also makes the page, so a second
POST of the same form waits for the first to commit and then:

- a button (Publish, Submit, Save draft) goes to Wagtail's edit view of the page the first made,
  with everything the form holds: the page is published (submitted, saved) with what the editor
  typed last, once;
- an autosave is refused as out of date (the JSON answer Wagtail's own edit view gives): it holds
  no more than the button's POST that was sent with or after it, and its browser has moved on.
"""

import uuid
from datetime import timedelta

from django.db import transaction
from django.http import JsonResponse
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet

from .edit_view import EditorialEditView
from .models import PageCreation

KEY_FIELD = "create_form_key"
# Claims are needed while a create form may still be sent to the create address (seconds, or
# until the editor presses a button after a lost autosave answer); older ones are dropped.
KEEP_CLAIMS = timedelta(days=30)


def form_key(request):
    try:
        return uuid.UUID(request.POST.get(KEY_FIELD, ""))
    except ValueError:
        return None


class EditorialCreateView(CreateView):
    def post(self, request):
        key = form_key(request)
        if key is None:
            return super().post(request)
        with transaction.atomic():
            claim, created = PageCreation.objects.select_for_update().get_or_create(
                key=key, defaults={"user": request.user}
            )
            if created:
                PageCreation.objects.filter(created_at__lt=timezone.now() - KEEP_CLAIMS).delete()
            if claim.page_id is not None and claim.user_id == request.user.pk:
                return self.continue_on(claim.page_id)
            response = super().post(request)
            if self.page.pk is not None and claim.user_id == request.user.pk:
                claim.page_id = self.page.pk
                claim.save(update_fields=["page"])
            return response

    def continue_on(self, page_id):
        """The form's second POST, after its first made the page `page_id`."""
        if self.expects_json_response:
            return JsonResponse(
                {
                    "success": False,
                    "error_code": "invalid_revision",
                    "error_message": gettext(
                        "Trang đã được lưu từ chính biểu mẫu này; bản tự động lưu này cũ "
                        "hơn nên không được ghi. Bấm “Lưu bản nháp” để lưu những gì đang có "
                        "trên màn hình."
                    ),
                },
                status=400,
            )
        edit = resolve(reverse("wagtailadmin_pages:edit", args=(page_id,)))
        return edit.func(self.request, *edit.args, **edit.kwargs)


class EditorialPageViewSet(PageViewSet):
    """Wagtail's default page viewset (every page type without a viewset of its own) with the
    create view above and the edit view of editorial/edit_view.py."""

    add_view_class = EditorialCreateView
    edit_view_class = EditorialEditView
