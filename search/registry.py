"""What the site search covers, without a hard-coded list of models.

- Pages: every live, public page of the current site, whatever its type (one search over
  `Page`, which Wagtail indexes with every page type's own fields).
- Other models (snippets such as the campaigns' Partner) opt in: an `index.Indexed` model sets
  `site_searchable = True` and may define

      @classmethod
      def site_search_queryset(cls):   # what a reader may see; default: live rows (or all)
          return cls.objects.filter(live=True)

      url / get_url()                  # where a hit links to (without one, the title is not a link)
      search_snippet_text()            # plain text for the result snippet (optional)
      search_type_label                # the filter's label (default: verbose_name_plural)

Any model may also define `search_type_label`; page types may define `search_result_date()`.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from wagtail.models import Page
from wagtail.search.index import get_indexed_models


def searchable_models() -> list[type[Model]]:
    """Non-page models that declared themselves part of the site search."""
    return [
        model
        for model in get_indexed_models()
        if getattr(model, "site_searchable", False) and not issubclass(model, Page)
    ]


def site_search_queryset(model: type[Model]) -> QuerySet[Any]:
    custom = getattr(model, "site_search_queryset", None)
    if callable(custom):
        return custom()
    queryset = model._default_manager.all()
    if any(f.name == "live" for f in model._meta.get_fields()):
        queryset = queryset.filter(live=True)  # a draft snippet is never found
    return queryset


def type_key(model: type[Model]) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def type_label(model: type[Model]) -> str:
    label = getattr(model, "search_type_label", None) or model._meta.verbose_name_plural
    label = str(label)
    return label[:1].upper() + label[1:]


def model_for_content_type_id(content_type_id: int) -> type[Model] | None:
    """The model class of a content type id, from Django's per-process ContentType cache."""
    return ContentType.objects.get_for_id(content_type_id).model_class()
