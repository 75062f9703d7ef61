"""What a reader of a document page sees besides its fields: the body as an outline with anchors,
the related documents (both directions), the news that mention it and its attachments."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail.models import Page, ReferenceIndex

from portal.pagecache.privacy import private_q
from resolutions.blocks import SECTION_KIND_LABELS
from search.text import fold

from .choices import (
    DOCUMENT_TYPE_LABELS,
    INCOMING_RELATION_LABELS,
    RELATION_LABELS,
    STATUS_LABELS,
    DocumentStatus,
    label_of,
)

__all__ = ["DocumentReadingMixin"]


class DocumentReadingMixin:
    """Reading methods of `ResolutionPage` (kept apart from its fields and saving)."""

    def outline(self):
        """The body as a list of entries; sections carry a unique anchor used by both the table
        of contents and the `id` of the section, so the two always match."""
        used = set()

        def anchor_for(value, fallback):
            kind = SECTION_KIND_LABELS.get(value.get("kind"), "")
            number = (value.get("number") or "").strip()
            base = slugify(fold(f"{kind} {number}")) if number else ""
            if not base:
                base = slugify(fold(value.get("heading") or ""))[:60] or fallback
            anchor, n = base, 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            used.add(anchor)
            return anchor

        def entry(value, fallback):
            kind = SECTION_KIND_LABELS.get(value.get("kind"), "")
            number = (value.get("number") or "").strip()
            return {
                "anchor": anchor_for(value, fallback),
                "label": f"{kind} {number}".strip() if number else kind,
                "heading": value.get("heading") or "",
                "body": value.get("body"),
            }

        entries = []
        for i, block in enumerate(self.body, start=1):
            if block.block_type != "section":
                entries.append({"anchor": None, "block": block})
                continue
            item = entry(block.value, f"muc-{i}")
            item["children"] = [
                entry(article, f"muc-{i}-{j}")
                for j, article in enumerate(block.value.get("articles") or [], start=1)
            ]
            entries.append(item)
        return entries

    def related_documents(self):
        """Outgoing relations (this amends / replaces / implements X), then incoming ones."""
        outgoing = [
            {"label": label_of(RELATION_LABELS, link.relation_type), "document": link.target}
            for link in self.related_links.filter(target__live=True).select_related(
                "target", "target__issuing_body"
            )
        ]
        incoming = [
            {"label": INCOMING_RELATION_LABELS.get(link.relation_type), "document": link.page}
            for link in self.incoming_relations.filter(page__live=True)
            .exclude(page=self)
            .select_related("page", "page__issuing_body")
        ]
        return outgoing + incoming

    def mentioned_in(self, limit=10):
        """Live, public pages (news articles) that link to this document, found through Wagtail's
        reference index: one query, whatever links there are."""
        page_type = ContentType.objects.get_for_model(Page)
        referencing_ids = (
            ReferenceIndex.objects.filter(
                to_content_type=page_type, to_object_id=str(self.pk), base_content_type=page_type
            )
            .annotate(page_id=Cast("object_id", BigIntegerField()))
            .values("page_id")
        )
        return list(
            Page.objects.live()
            .exclude(private_q())
            .filter(id__in=referencing_ids)
            # Documents, collections and the library itself are not "mentions".
            .exclude(content_type__app_label="resolutions")
            .order_by("-first_published_at", "-pk")[:limit]
        )

    def attachments_for_display(self):
        return list(self.attachments.select_related("document"))

    @cached_property
    def attachment_list(self):
        return self.attachments_for_display()

    @cached_property
    def related_document_list(self):
        return self.related_documents()

    @cached_property
    def mention_list(self):
        return self.mentioned_in()

    remembered_with_route = (
        "issuing_body",
        "attachment_list",
        "related_document_list",
        "mention_list",
    )

    @property
    def doc_type_label(self):
        """`get_doc_type_display()`, cheaper (choices.label_of)."""
        return label_of(DOCUMENT_TYPE_LABELS, self.doc_type)

    @property
    def status_label(self):
        """`get_status_display()`, cheaper (choices.label_of)."""
        return label_of(STATUS_LABELS, self.status)

    @cached_property
    def status_badge_class(self):
        return "badge--ok" if self.status == DocumentStatus.IN_FORCE else "badge--warn"
