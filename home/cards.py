"""Card querysets shared by every listing: an image joined in the same query and its renditions
prefetched in one more, so that `{% image %}` / `{% picture %}` cost nothing per card."""

from functools import cache

from django.db import models
from wagtail.images import get_image_model
from wagtail.images.models import Filter

__all__ = ["expand_spec", "with_renditions"]


@cache
def expand_spec(spec):
    """The filter specs of every rendition a (possibly multi-) spec asks for:
    "format-{webp,jpeg} width-400" -> ["format-webp|width-400", "format-jpeg|width-400"]."""
    return tuple(Filter().expand_spec(spec))


def with_renditions(queryset, field, spec):
    """Join the image `field` and prefetch its renditions for `spec` (a single or a multi-spec,
    as `{% picture %}` takes) in one more query."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=expand_spec(spec))
    )
    return queryset.select_related(field).prefetch_related(
        models.Prefetch(
            f"{field}__renditions", queryset=renditions, to_attr="prefetched_renditions"
        )
    )
