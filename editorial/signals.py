from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from .sections import attach_section


def attach_new_section(sender, instance, created=False, raw=False, **kwargs):
    """A news or document section created after the migration (the demo loader, an editor) gets
    the workflow and the groups' permissions too."""
    if created and not raw:
        attach_section(
            instance,
            GroupPagePermission=GroupPagePermission,
            WorkflowPage=WorkflowPage,
            Workflow=Workflow,
            Group=Group,
            Permission=Permission,
        )


def connect():
    from news.models import NewsIndexPage
    from resolutions.models import DocumentLibraryPage

    for model in (NewsIndexPage, DocumentLibraryPage):
        post_save.connect(attach_new_section, sender=model, dispatch_uid=f"editorial-{model}")
