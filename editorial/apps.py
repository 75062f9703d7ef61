from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The editors' admin: ASCII slugs, the page form that survives an autosaved draft, the
    editorial workflow and its groups (docs/admin.md). Listed after wagtail.admin in
    INSTALLED_APPS, so its ready() runs after Wagtail's own."""

    name = "editorial"
    verbose_name = "Biên tập"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import pre_save
        from taggit.models import Tag
        from wagtail.models import Page

        from . import admin_chrome, signals
        from .forms import EditorialPageForm
        from .slugs import ascii_tag_slug

        # Wagtail's admin app sets Page.base_form_class in its ready(); every page type that does
        # not name a form of its own inherits this one.
        Page.base_form_class = EditorialPageForm
        label_page_permission_rows()
        pre_save.connect(ascii_tag_slug, sender=Tag, dispatch_uid="editorial-ascii-tag-slug")
        signals.connect()
        admin_chrome.connect()


def label_page_permission_rows():
    """Wagtail 8.0.1's page-permission rows (group edit screen) give their page chooser no
    label, so Django shows the field's name, "Page", in English: give it Wagtail's own msgid."""
    from django.utils.translation import gettext_lazy as _
    from wagtail.users.forms import PagePermissionsForm

    PagePermissionsForm.base_fields["page"].label = _("Page")
