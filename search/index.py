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
from django.utils.text import Truncator
from wagtail.models import Page
from wagtail.search import index

from .text import folded_words, nfc, plain_text


def folded_words_text(text):
    """The folded words of `text`, space-separated: no punctuation, so every backend splits a
    number like 02-NQ/TW into the same words the query is split into (PostgreSQL's parser would
    otherwise keep `nq/tw` as one token)."""
    return " ".join(folded_words(text, limit=None))


class _MixinDefinedField:
    """A field whose method lives on FoldedSearchMixin, which is not a model: Elasticsearch's
    mapping names a field after the model that defines it, so report the concrete model."""

    def get_definition_model(self, cls):
        model = super().get_definition_model(cls)
        return model if hasattr(model, "_meta") else cls


class FoldedSearchField(_MixinDefinedField, index.SearchField):
    pass


class FoldedAutocompleteField(_MixinDefinedField, index.AutocompleteField):
    pass


class FoldedTitleField(index.SearchField):
    """The title and its folded copy, indexed under the name `title`.

    The database backends put only fields named `title` into the title column (the one that
    ranks higher: title_norm on SQLite, weights on PostgreSQL). A distinct field class keeps it
    from being de-duplicated against Page's own `SearchField("title")`. On Elasticsearch the
    document keeps one `title` value, so the value carries the original title too."""

    def get_value(self, obj):
        title = nfc(getattr(obj, "title", "") or "")
        get_folded = getattr(obj, "get_folded_title", None) or obj.search_folded_title
        folded = get_folded()
        return title if folded == title.lower() else f"{title} {folded}"


class FoldedSearchMixin:
    folded_title_fields = ("title",)
    folded_body_fields = ()

    def _folded(self, key, names):
        # A search backend asks for each folded value several times per object (title, body,
        # autocomplete and plain-text columns). A bulk indexer (news.demo) gives each object a
        # `_folded_cache` dict so the text is folded once; normal saves never set it.
        memo = self.__dict__.get("_folded_cache")
        if memo is not None and key in memo:
            return memo[key]
        parts = []
        for name in names:
            value = getattr(self, name, None)
            if callable(value):
                value = value()
            parts.append(plain_text(value))
        folded = folded_words_text(" ".join(p for p in parts if p))
        if memo is not None:
            memo[key] = folded
        return folded

    def get_folded_title(self):
        return self._folded("title", self.folded_title_fields)

    def get_folded_body(self):
        return self._folded("body", self.folded_body_fields)

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


def _searchable_text(value):
    if isinstance(value, (list, tuple)):
        return " ".join(_searchable_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_searchable_text(item) for item in value.values())
    return plain_text(value)


def _auto_folded_title(self):
    return folded_words_text(getattr(self, "title", "") or "")


def _auto_folded_text(self):
    """Folded copy of every other SearchField of this object (the safety net below)."""
    parts = []
    for field in type(self).get_search_fields():
        if type(field) is index.SearchField and field.field_name not in AUTO_FIELD_NAMES:
            if field.field_name != "title":
                parts.append(_searchable_text(field.get_value(self)))
    return folded_words_text(" ".join(p for p in parts if p))


AUTO_FIELD_NAMES = ("search_folded_title", "search_folded_text")


def add_folded_fields_to_all_page_types():
    """Safety net, run once from SearchConfig.ready(): a page type that does not use
    FoldedSearchMixin (the home page, a library or congress landing page, a third-party page)
    still gets a folded copy of its title and searchable text, so that on SQLite `cong doan`
    finds it too. Page types with the mixin choose their folded fields themselves."""
    for model in index.get_indexed_models():
        if not issubclass(model, Page) or issubclass(model, FoldedSearchMixin):
            continue
        if "search_folded_text" in model.__dict__:
            continue
        model.search_folded_title = _auto_folded_title
        model.search_folded_text = _auto_folded_text
        model.search_fields = [
            *model.search_fields,
            FoldedTitleField("title", boost=3),
            index.SearchField("search_folded_text"),
            index.AutocompleteField("search_folded_title"),
        ]


FOLDED_SEARCH_FIELDS = [
    FoldedSearchField("get_folded_title", boost=3),
    FoldedSearchField("get_folded_body"),
    FoldedAutocompleteField("get_folded_title"),
]


class IntroSearchMixin(FoldedSearchMixin):
    """A page found by its title and its `intro` (a listing, an album, a video, a form): the
    intro indexed as written and accent-folded. A page whose folded body holds more than its
    intro (an album's captions) names it all in `folded_body_fields`."""

    search_fields = [*Page.search_fields, index.SearchField("intro"), *FOLDED_SEARCH_FIELDS]
    folded_body_fields = ("intro",)


class IntroSnippetMixin:
    """A search hit of this page is summarised from its `intro`: the first `snippet_words`
    words, or all of it when None."""

    search_snippet_fields = ("intro",)  # what search_snippet_text reads (search.hits)
    snippet_words: int | None = 30

    def search_snippet_text(self):
        text = plain_text(self.intro)
        return Truncator(text).words(self.snippet_words) if self.snippet_words else text
