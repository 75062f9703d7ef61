"""The page form every page type uses in the admin (set as Page.base_form_class in apps.py)."""

import re
import uuid

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.admin.widgets import SlugInput
from wagtail.models import Page

from .slugs import SLUG_FORMATTERS, ascii_slug, vietnamese_slugify


def never_published(page):
    return not page.live and page.first_published_at is None and page.last_published_at is None


class EditorialPageForm(WagtailAdminPageForm):
    """Wagtail's page form, with:

    - an ASCII slug: the slug field's JavaScript folds Vietnamese letters (SLUG_FORMATTERS); on
      the server a new or changed slug is folded too, and an empty one is made from the title;
    - no failed retry on a hidden draft: autosave creates a page as soon as the create form is
      valid, so an attempt the editor abandoned stays in the tree as a never-published draft
      holding its slug. A new (or never published) page whose slug is taken by such a draft gets
      the next free slug ("-2", "-3"... as WordPress does) and the editor is told where the other
      draft is; once autosave has created the retry with "-2", saving it again keeps "-2".
      A slug taken by a page that is or was published is still an error (in Vietnamese).
    - a create form's key (`create_form_key`, hidden; Wagtail renders the form's fields that no
      panel shows after the panels): the same form sent twice to the create address (a publish
      while an autosave is on its way) makes one page, not two (editorial/create_view.py).
    """

    create_form_key = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["create_form_key"].initial = uuid.uuid4
        else:
            del self.fields["create_form_key"]
        if "slug" in self.fields:
            self.fields["slug"].widget = SlugInput(formatters=SLUG_FORMATTERS)
            # Made from the title when left empty (clean below), as Wagtail does on the server.
            self.fields["slug"].required = False

    def clean(self):
        data = self.cleaned_data
        if "slug" in data:
            slug = data.get("slug") or ""
            if slug != (self.instance.slug or ""):
                slug = ascii_slug(slug)
            if not slug and data.get("title"):
                slug = vietnamese_slugify(data["title"])[:255].rstrip("-")
            unpublished = self.instance.pk is None or never_published(self.instance)
            if slug and self.parent_page is not None and unpublished:
                slug = self._step_past_unpublished_drafts(slug)
            data["slug"] = slug
        return super().clean()

    def _step_past_unpublished_drafts(self, slug):
        siblings = self.parent_page.get_children()
        if self.instance.pk is not None:
            siblings = siblings.exclude(pk=self.instance.pk)
        taken = siblings.filter(slug=slug).first()
        if taken is None or not never_published(taken):
            return slug
        # The retry's own autosave already stepped past it ("-2"), and the browser still sends
        # the slug it made from the title: keep the one the page has.
        current = self.instance.slug or ""
        if self.instance.pk is not None and re.fullmatch(rf"{re.escape(slug)}-\d+", current):
            return current
        stem, number = slug, 2
        while not Page._slug_is_available(f"{stem}-{number}", self.parent_page, self.instance):
            number += 1
        self.instance._slug_taken_by_draft = (slug, taken)
        return f"{stem}-{number}"

    @staticmethod
    def slug_message(page):
        """The warning shown after the page is created, when its slug stepped past a draft."""
        slug, draft = getattr(page, "_slug_taken_by_draft", (None, None))
        if draft is None:
            return None
        return gettext(
            "Đường dẫn “%(slug)s” đang thuộc về bản nháp chưa xuất bản “%(title)s” (có thể do "
            "tự động lưu từ một lần soạn trước). Trang này dùng “%(new_slug)s”. Nếu bản nháp "
            "kia bị bỏ dở, hãy xóa nó rồi sửa lại đường dẫn của trang này."
        ) % {"slug": slug, "title": draft.get_admin_display_title(), "new_slug": page.slug}


class LoginForm(WagtailLoginForm):
    """Wagtail's login form names its password field nowhere, so Django shows the field's name,
    "Password", in English: give it the translated label."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
