"""Wagtail's edit views, safe against an autosave answered after the editor's own save.

Wagtail 8 autosaves into one revision: each autosave sends `overwrite_revision_id`, the revision
its window made, and Wagtail refuses it when that revision is no longer the latest ("Nếu lưu, bạn
sẽ ghi đè một phiên bản mới hơn."), so that an autosave never writes over a newer save. Wagtail
reads the latest revision when the request starts, though, and writes much later: an autosave
sent just before "Lưu bản nháp" (Ctrl+S) and handled beside it on a busy server reads the latest
revision before the save stores its own, then writes its older form over its revision and makes
that the latest again. The editor's last edits are gone from the draft, and the reloaded page
warns "Bạn đã lưu một phiên bản mới ở cửa sổ khác" on its next action (seen in the stress run of
tests/browser/test_editorial_workflow.py).

Here every POST to an edit view holds the object's row lock from before it reads the latest
revision until its write is committed (SQLite's IMMEDIATE transactions hold the database's write
lock instead), and an autosave checks the latest revision again under that lock. Edits of one
object are so made one after the other, each on what the previous one stored.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.edit import EditView as PageEditView
from wagtail.models import Revision
from wagtail.snippets.views.snippets import EditView as SnippetEditView

OUT_OF_DATE = "Saving will overwrite a newer version."  # Wagtail's own message (translated)


def latest_revision_locked(obj):
    """`obj`'s latest revision as committed now; its row stays locked until the transaction ends."""
    field = obj._meta.get_field("latest_revision")
    rows = field.model._base_manager.select_for_update(of=("self",)).filter(pk=obj.pk)
    revision_id = rows.values_list("latest_revision_id", flat=True).first()
    return Revision.objects.filter(pk=revision_id).first() if revision_id else None


def checked_again(view, latest_revision):
    """Wagtail's own out-of-date check (`view.is_out_of_date`), made again on `latest_revision`."""
    view.__dict__.pop("is_out_of_date", None)
    view.__dict__.pop("latest_revision_created_at", None)
    view.__dict__["latest_revision"] = latest_revision
    return view.is_out_of_date


class EditorialEditView(PageEditView):
    def form_valid(self, form):
        with transaction.atomic():
            latest = latest_revision_locked(self.page)
            if self.expects_json_response and checked_again(self, latest):
                return self.json_error_response("invalid_revision", _(OUT_OF_DATE))
            return super().form_valid(form)


class EditorialSnippetEditView(SnippetEditView):
    def save_instance(self):
        # Called inside form_valid's transaction, before the revision is written.
        if self.revision_enabled:
            latest = latest_revision_locked(self.object)
            if self.expects_json_response and checked_again(self, latest):
                raise PermissionDenied(_(OUT_OF_DATE))  # answered as "invalid_revision"
        return super().save_instance()
