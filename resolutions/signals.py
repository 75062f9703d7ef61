"""Keep what is stored about documents in step:
- the attachment text with the files: when an editor replaces the file of a Wagtail document
  (Documents › edit), every document page that attaches it is re-read and re-indexed;
- the library's years (resolutions.models.document_year) with the live, public documents: after
  a document is saved (published, unpublished, edited) or deleted, a page moves or a view
  restriction changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import post_page_move


def refresh_pages_using_document(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        return
    from .models import ResolutionAttachment, ResolutionPage

    page_ids = set(
        ResolutionAttachment.objects.filter(document=instance).values_list("page_id", flat=True)
    )
    for page in ResolutionPage.objects.filter(pk__in=page_ids):
        extracted = page._extract_attachment_text()
        for attachment in extracted["items"]:
            ResolutionAttachment.objects.filter(pk=attachment.pk).update(
                text_status=attachment.text_status
            )
        page.save(update_fields=["attachment_text"])


def refresh_years(sender, raw=False, **kwargs):
    if raw:  # loading fixtures
        return
    from .models import refresh_document_years

    refresh_document_years()


def connect():
    from wagtail.documents import get_document_model
    from wagtail.models import PageViewRestriction, Site

    from .models import ResolutionPage

    for name, signal, sender in (
        ("document-saved", post_save, ResolutionPage),
        ("document-deleted", post_delete, ResolutionPage),
        ("restriction-saved", post_save, PageViewRestriction),
        ("restriction-deleted", post_delete, PageViewRestriction),
        ("site-saved", post_save, Site),
    ):
        signal.connect(refresh_years, sender=sender, dispatch_uid=f"resolutions.years.{name}")
    post_page_move.connect(refresh_years, dispatch_uid="resolutions.refresh_years.move")

    post_save.connect(
        refresh_pages_using_document,
        sender=get_document_model(),
        dispatch_uid="resolutions.refresh_pages_using_document",
    )
