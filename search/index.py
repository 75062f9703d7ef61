"""Accent-folded copies of a page's text for the search index.

Wagtail's SQLite backend (FTS5 unicode61) folds only letters with a single diacritic and never
folds đ; autocomplete uses PostgreSQL's `simple` configuration. Indexing a folded copy of the
searchable text, and folding the query the same way, makes `cong doan` find `Công đoàn` on every
backend. Page types list the attributes to fold and add FOLDED_SEARCH_FIELDS to search_fields:

    class NewsArticlePage(FoldedSearchMixin, Page):
        folded_body_fields = ("lead", "body")
        search_fields = Page.search_fields + [...] + FOLDED_SEARCH_FIELDS

Models that have a `title` field (every page) also get the folded title indexed *as title*
(see `FoldedTitleField`), so the database backends rank a folded title match like a title match.
"""

from django.core.exceptions import FieldDoesNotExist
from wagtail.search import index

from .text import fold, nfc, plain_text


class FoldedTitleField(index.SearchField):
    """The title and its folded copy, indexed under the name `title`.

    The database backends put only fields named `title` into the title column (the one that
    ranks higher: title_norm on SQLite, weights on PostgreSQL). A distinct field class keeps it
    from being de-duplicated against Page's own `SearchField("title")`. On Elasticsearch the
    document keeps one `title` value, so the value carries the original title too."""

    def get_value(self, obj):
        title = nfc(getattr(obj, "title", "") or "")
        folded = obj.get_folded_title()
        return title if folded == title.lower() else f"{title} {folded}"


class FoldedSearchMixin:
    folded_title_fields = ("title",)
    folded_body_fields = ()

    def _folded(self, names):
        parts = []
        for name in names:
            value = getattr(self, name, None)
            if callable(value):
                value = value()
            parts.append(plain_text(value))
        return fold(" ".join(p for p in parts if p))

    def get_folded_title(self):
        return self._folded(self.folded_title_fields)

    def get_folded_body(self):
        return self._folded(self.folded_body_fields)

    @classmethod
    def get_search_fields(cls):
        fields = super().get_search_fields()
        if cls._has_title_field():
            fields.append(FoldedTitleField("title", boost=3))
        return fields

    @classmethod
    def _has_title_field(cls):
        try:
            cls._meta.get_field("title")
        except (FieldDoesNotExist, AttributeError):
            return False
        return True


FOLDED_SEARCH_FIELDS = [
    index.SearchField("get_folded_title", boost=3),
    index.SearchField("get_folded_body"),
    index.AutocompleteField("get_folded_title"),
]
