"""Keep the attachment text in step with the files: when an editor replaces the file of a Wagtail
document (Documents › edit), every document page that attaches it is re-read and re-indexed."""

from django.db.models.signals import post_save


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


def connect():
    from wagtail.documents import get_document_model

    post_save.connect(
        refresh_pages_using_document,
        sender=get_document_model(),
        dispatch_uid="resolutions.refresh_pages_using_document",
    )
