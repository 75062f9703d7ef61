"""Card querysets shared by every listing: an image joined in the same query and its renditions
prefetched in one more, so that `{% image obj.field spec %}` costs nothing per card."""

from django.db import models
from wagtail.images import get_image_model

__all__ = ["with_renditions"]


def with_renditions(queryset, field, spec):
    """Join the image `field` and prefetch its rendition for `spec` in one more query, so that
    `{% image obj.field spec %}` costs nothing per row."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=spec)
    return queryset.select_related(field).prefetch_related(
        models.Prefetch(
            f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions"
        )
    )
