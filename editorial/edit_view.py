"""Wagtail's edit views, safe against an autosave answered after the editor's own save.

Wagtail 8 autosaves into one revision: each autosave sends `overwrite_revision_id`, the revision
its window made, and overwrites it if it is still the latest. The form's buttons send that field
too, so "Lưu bản nháp" (Ctrl+S) also overwrites that revision in place. An autosave sent before
the save and answered after it (a busy server: the two requests are handled side by side) then
finds its revision still the latest and writes its older form over what the save stored: the
editor's last edits are gone, and a submit or publish from the reloaded page sends the older
content on (tests/editorial/test_autosave_race.py).

Here a button's POST never overwrites: it makes a revision of its own, as Wagtail did before
autosave, so the revision a late autosave names is no longer the latest and Wagtail refuses it
("Nếu lưu, bạn sẽ ghi đè một phiên bản mới hơn."). Autosaves between two saves still share one
revision.
"""

from wagtail.admin.views.pages.edit import EditView as PageEditView
from wagtail.snippets.views.snippets import EditView as SnippetEditView

OVERWRITE_FIELD = "overwrite_revision_id"


class SaveMakesItsOwnRevision:
    def post(self, request, *args, **kwargs):
        if OVERWRITE_FIELD in request.POST and not self.expects_json_response:
            data = request.POST.copy()
            data.pop(OVERWRITE_FIELD)
            request.POST = data
        return super().post(request, *args, **kwargs)


class EditorialEditView(SaveMakesItsOwnRevision, PageEditView):
    pass


class EditorialSnippetEditView(SaveMakesItsOwnRevision, SnippetEditView):
    pass
