"""Accent-folded copies of a page's text for the search index.

Wagtail's SQLite backend (FTS5 unicode61) folds only letters with a single diacritic and never
folds đ; autocomplete uses PostgreSQL's `simple` configuration. Indexing a folded copy of the
searchable text, and folding the query the same way, makes `cong doan` find `Công đoàn` on every
backend. Page types list the attributes to fold and add FOLDED_SEARCH_FIELDS to search_fields:

    class NewsArticlePage(FoldedSearchMixin, Page):
        folded_body_fields = ("lead", "body")
        search_fields = Page.search_fields + [...] + FOLDED_SEARCH_FIELDS
"""

from wagtail.search import index

from .text import fold, plain_text


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


FOLDED_SEARCH_FIELDS = [
    index.SearchField("get_folded_title", boost=3),
    index.SearchField("get_folded_body"),
    index.AutocompleteField("get_folded_title"),
]
