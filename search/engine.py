"""The site search: one ranked, paginated list over every public page and opted-in model.

How a query is answered (the number of database queries does not depend on the number of hits):

1. The query is NFC'd and cut to words; the backend gets the *folded* words ("cong doan"), which
   match the folded copies indexed by `search.index` (SQLite) or the `vietnamese_unaccent`
   configuration (PostgreSQL) or the folding analyzer (Elasticsearch).
2. Pinned hits come first: editors' promoted results for this query (no type filter) and
   objects whose identifier the query is, from the apps that provide them
   (`SEARCH_NUMBER_PROVIDERS`: a document's number, by `resolutions.numbers.search_hits`).
   The search app imports no content app: a test checks it.
3. The backend's best RANK_WINDOW hits of each source are re-ranked by the portal's rules:
   a title match above a body match, then text that matches the query's own accents above text
   that matches only after folding, then the backend's relevance. Deeper hits keep the backend's
   order (by then the reader is paging through a long list anyway).
4. Counts per type come from one facet query over pages plus one count per opted-in model.

This module prepares a query (sources, pinned hits, counts); `search.hits` builds what a result
shows and `search.ranking` orders them.
"""

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from django.conf import settings
from django.db.models import Model, Q
from django.http import HttpRequest
from django.utils.module_loading import import_string
from modelsearch.query import Or, PlainText, SearchQuery
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from portal.pagecache.memo import remember
from portal.pagecache.privacy import private_q

from . import bounds, registry
from .hits import Hit, HitBuilder, TypeCount, url_of
from .ranking import RANK_WINDOW, RankedResults, Ranking
from .text import fold, folded_words, has_marks, query_was_cut, searchable_query, words

__all__ = ["Hit", "RankedResults", "SiteSearch", "TypeCount", "number_providers", "url_of"]

MAX_NUMBER_HITS = 5
# What the ranking reads of a page the backend returned (search.ranking, search.hits.ref).
BASE_PAGE_FIELDS = ("id", "content_type_id", "title")


def number_providers() -> Sequence[str]:
    return getattr(settings, "SEARCH_NUMBER_PROVIDERS", ())


# (kind: "promoted" or "number", object, description) of a pinned result.
type Pinned = tuple[str, Any, str]
# (kind, lazy backend results, count) of a source the reader pages through.
type Source = tuple[str, Any, int]


# The title part of a hit's score, read with the newest matches (search.postgres_backend).
TITLE_SCORE = "_title_score"


def best_by_title(rows: Sequence[tuple[Any, ...]]) -> list[int]:
    """The ids of the RANK_CANDIDATES best of `rows` (pk, content type, title score) in the
    order PostgreSQL's `ORDER BY title score DESC, pk DESC` gives (no score first, as NULLS
    FIRST): the candidates the ranking scores in full (search.postgres_backend)."""
    from .postgres_backend import RANK_CANDIDATES

    ranked = sorted(rows, key=lambda row: (row[2] is None, row[2] or 0.0, row[0]), reverse=True)
    return [row[0] for row in ranked[:RANK_CANDIDATES]]


def with_candidates(results: Any, rank_candidates: list[int] | None) -> Any:
    """`results` ranked with the candidates the counts already chose, when its backend takes
    them (PostgreSQL); unchanged elsewhere."""
    compiler: Any = getattr(results, "query_compiler", None)
    if rank_candidates is not None and hasattr(compiler, "known_candidates"):
        compiler.known_candidates = rank_candidates
    return results


class _Deferred:
    """Backend results built on first use: a search answered from remembered values never
    builds its querysets. `read`: every result, when the counts read them already."""

    def __init__(self, build: Callable[[], Any], read: list[Any] | None = None) -> None:
        self._build = build
        self._results: Any = read

    def __getitem__(self, index: int | slice) -> Any:
        if self._results is None:
            self._results = self._build()
        return self._results[index]

    def count(self) -> int:
        if self._results is None:
            self._results = self._build()
        if isinstance(self._results, list):
            return len(self._results)
        return self._results.count()


class SiteSearch(HitBuilder, Ranking):
    """One search request: `results` is a sequence Django's Paginator can slice (hits are built
    by `search.hits`, ordered by `search.ranking`)."""

    def __init__(self, request: HttpRequest, query: str, type_key: str = "") -> None:
        self.request = request
        self.query = searchable_query(query)
        self.query_was_cut = query_was_cut(query)
        self.raw_terms = words(self.query)
        self.terms = folded_words(self.query)
        self.backend_query = " ".join(self.terms)
        self.accented = has_marks(" ".join(self.raw_terms))
        self.backend = get_search_backend()
        self.site = Site.find_for_request(request)
        self.models = registry.searchable_models()
        self.active_type = ""
        self._types: list[TypeCount] | None = None
        self._specific_pages: dict[Any, Any] = {}  # pk -> specific page, once per request
        self._private_q: Q | None = None
        self._model_hits: dict[str, list[Any]] = {}  # label -> every hit, read by the counts
        self.pinned: list[Pinned] = []
        self.sources: list[Source] = []
        self.total = 0
        self.capped = False  # more pages match than SEARCH_CANDIDATES: the newest are shown
        self._memo_key: tuple[object, ...] = ()
        if self.terms:
            self._prepare(type_key)

    # -- sources ------------------------------------------------------------------------------

    def _pages(self) -> Any:
        # Page.objects.live().public(), with the restricted sections remembered (read once per
        # request when nothing is remembered).
        if self._private_q is None:
            self._private_q = private_q()
        pages = Page.objects.live().exclude(self._private_q)
        if self.site is not None:
            pages = pages.in_site(self.site)
        return pages

    def backend_search_query(self) -> SearchQuery:
        """The folded words, OR the words as typed when they carry accents: models that index
        no folded copy (a plain Page, a third-party snippet) are still found by their own text."""
        folded = PlainText(self.backend_query, operator="and")
        if not self.accented:
            return folded
        return Or([folded, PlainText(" ".join(self.raw_terms), operator="and")])

    def _search(self, queryset: Any) -> Any:
        return self.backend.search(self.backend_search_query(), queryset, order_by_relevance=True)

    def _search_model(self, model: type[Model]) -> Any:
        return self._search(registry.site_search_queryset(model))

    def _pinned(self) -> list[Pinned]:
        """Promoted results, then document-number matches: specific objects, deduplicated."""
        pinned = self._promotions() + self._number_hits()
        seen = set()
        unique = []
        for kind, obj, description in pinned:
            key = (type(obj).__name__, getattr(obj, "pk", obj))
            if key in seen:
                continue
            seen.add(key)
            unique.append((kind, obj, description))
        return unique

    def _promotions(self) -> list[Pinned]:
        from wagtail.contrib.search_promotions.models import Query, SearchPromotion

        # Editors type the query with accents, readers often without: compare folded. Promoted
        # queries are few (editors pick them by hand), so they are folded here, in one query.
        # Promotions are read on every search: editing one does not purge the page cache.
        wanted = fold(normalise_query_string(self.query))
        promoted_queries = Query.objects.filter(editors_picks__isnull=False).distinct()
        query_ids = [
            pk
            for pk, string in promoted_queries.values_list("pk", "query_string")
            if fold(string) == wanted
        ]
        if not query_ids:
            return []
        promotions = (
            SearchPromotion.objects.filter(query__in=query_ids)
            .filter(Q(page__isnull=True) | Q(page__in=self._pages()))
            .select_related("page")
            .order_by("sort_order", "pk")
        )
        found: list[Pinned] = []
        for promotion in promotions:
            target = promotion.page.specific if promotion.page_id else promotion
            found.append(("promoted", target, promotion.description))
        return found

    def _number_hits(self) -> list[Pinned]:
        """Objects the query names by their number, from the providers the project lists in
        `SEARCH_NUMBER_PROVIDERS`: dotted paths of `provider(query)` functions returning live,
        public objects, best first (a queryset is sliced, not read whole)."""
        if not re.search(r"\d", self.query):
            return []
        hits: list[Pinned] = []
        for dotted_path in number_providers():
            matches = import_string(dotted_path)(self.query)
            hits += [("number", obj, "") for obj in matches[: MAX_NUMBER_HITS - len(hits)]]
            if len(hits) >= MAX_NUMBER_HITS:
                break
        return hits

    def _candidate_floor(self, pages: Any) -> int | None:
        """The id below which matching pages are left out: that of the newest match past the
        first SEARCH_CANDIDATES (one query that stops there), or None when fewer match. Only on
        the database backends, which filter on it with the primary key's index."""
        if not bounds.needs_id_floor(self.backend):
            # Elsewhere, or on SQLite, which keeps only the newest SEARCH_CANDIDATES matching
            # index rows (search.sqlite_backend): no match is ever past them.
            return None
        bound = bounds.SEARCH_CANDIDATES
        newest_first = pages.order_by("-id")  # Page.search_fields filters on "id"
        results = self.backend.search(
            self.backend_search_query(), newest_first, order_by_relevance=False
        )
        beyond = list(results[bound : bound + 1])
        return beyond[0].pk if beyond else None

    def _newest_matches(
        self, pages: Any
    ) -> tuple[int | None, dict[int, int], list[int] | None] | None:
        """On a backend bounded by an id floor that gives its SQL (PostgreSQL): the floor, the
        hits per content type above it and the ids of the RANK_CANDIDATES best of them by the
        title part of their score, from one query: the newest SEARCH_CANDIDATES + 1 matches'
        ids, types and title scores (at 10,000 articles the floor, a facet query and the
        ranking's choice of candidates each joined the same 1,000 matches to their index
        entries: ~4-5 ms apiece). None elsewhere: _candidate_floor and a facet query."""
        if not bounds.needs_id_floor(self.backend):
            return None
        bound = bounds.SEARCH_CANDIDATES
        results = self.backend.search(
            self.backend_search_query(), pages.order_by("-id"), order_by_relevance=False
        )[: bound + 1]
        get_queryset = getattr(results, "get_queryset", None)
        if get_queryset is None:
            return None
        compiler: Any = getattr(results, "query_compiler", None)
        scored = hasattr(compiler, "title_score_field")
        if scored:
            compiler.title_score_field = TITLE_SCORE
        fields = ("pk", "content_type_id", TITLE_SCORE) if scored else ("pk", "content_type_id")
        rows = list(get_queryset().values_list(*fields))
        floor = rows[bound][0] if len(rows) > bound else None
        facets = dict(Counter(row[1] for row in rows[:bound]))
        return floor, facets, best_by_title(rows[:bound]) if scored else None

    def _counts(
        self, unpinned: Callable[[], Any]
    ) -> tuple[int | None, dict[int, int], dict[str, int], list[int] | None]:
        """(the candidates' floor, hits per content type of the unpinned pages above it, hits per
        opted-in model label, the ids of the pages the ranking scores in full, when known)."""
        newest = self._newest_matches(unpinned())
        rank_candidates = None
        if newest is None:
            floor = self._candidate_floor(unpinned())
            pages = unpinned() if floor is None else unpinned().filter(pk__gt=floor)
            facets = dict(self._search(pages).facet("content_type_id"))
        else:
            floor, facets, rank_candidates = newest
        models = {}
        for model in self.models:
            # An opted-in model has few rows: its ranked window is read (the search page shows
            # it) and counted when it holds them all, else counted apart.
            results = self._search_model(model)
            window = list(results[:RANK_WINDOW])
            if len(window) < RANK_WINDOW:
                self._model_hits[model._meta.label] = window
                models[model._meta.label] = len(window)
            else:
                models[model._meta.label] = results.count()
        return floor, facets, models, rank_candidates

    def _prepare(self, type_key: str) -> None:
        pinned = self._pinned()
        pinned_pages = [obj for _, obj, _ in pinned if isinstance(obj, Page)]

        def unpinned() -> Any:
            return self._pages().exclude(pk__in=[page.pk for page in pinned_pages])

        def candidates() -> Any:
            return unpinned() if floor is None else unpinned().filter(pk__gt=floor)

        # Counts per type: one facet query over pages, one count per opted-in model, plus the
        # pinned pages (excluded from the facet so that nothing is counted twice).
        counts: dict[str, int] = {}
        labels: dict[str, str] = {}
        content_types: dict[str, list[int]] = {}

        def add(key: str, label: str, count: int) -> None:
            counts[key] = counts.get(key, 0) + count
            labels.setdefault(key, label)

        # The counts repeat the whole match; a popular query's counts are remembered until the
        # next purge (a publish anywhere), like the cached pages (portal/pagecache/memo.py).
        self._memo_key = memo_key = (
            self.site.pk if self.site else None,
            self.backend_query,
            " ".join(self.raw_terms) if self.accented else "",
            tuple(sorted(page.pk for page in pinned_pages)),
            # Results of the database fallback are not remembered as the search server's.
            getattr(self.backend, "answering", ""),
        )
        floor, page_facets, model_counts, rank_candidates = remember(
            "search-counts-ranked", *memo_key, compute=lambda: self._counts(unpinned)
        )
        # SQLite bounds the matches itself (search.sqlite_backend); PostgreSQL by the id floor
        # found here.
        matched = sum(page_facets.values())
        self.capped = floor is not None or matched >= bounds.SEARCH_CANDIDATES
        for content_type_id, count in page_facets.items():
            model = registry.model_for_content_type_id(content_type_id)
            if model is not None:
                add(registry.type_key(model), registry.type_label(model), count)
                content_types.setdefault(registry.type_key(model), []).append(content_type_id)
        for page in pinned_pages:
            add(registry.type_key(type(page)), registry.type_label(type(page)), 1)
        model_results = {}
        for model in self.models:
            key = registry.type_key(model)
            model_results[key] = _Deferred(
                partial(self._search_model, model), self._model_hits.get(model._meta.label)
            )
            count = model_counts.get(model._meta.label, 0)
            if count:
                add(key, registry.type_label(model), count)
        self._types = [
            TypeCount(key, labels[key], counts[key])
            for key in sorted(labels, key=lambda k: (-counts[k], labels[k]))
        ]

        # The list the reader pages through: (kind, lazy backend results, count) per source.
        self.active_type = key = type_key if type_key in labels else ""
        if not key:
            self.pinned = pinned
            # The window reads titles, the tail makes its hits specific: nothing else of a row.
            pages = _Deferred(
                lambda: with_candidates(
                    self._search(candidates().only(*BASE_PAGE_FIELDS)), rank_candidates
                )
            )
            self.sources = [("page", pages, sum(page_facets.values()))]
            self.sources += [
                ("model", model_results[registry.type_key(m)], model_counts.get(m._meta.label, 0))
                for m in self.models
            ]
        elif key in model_results:
            self.pinned = []
            self.sources = [("model", model_results[key], counts[key])]
        else:
            # Under a type filter only document-number matches stay pinned; promoted pages of
            # this type take their normal place.
            self.pinned = [
                (kind, obj, text)
                for kind, obj, text in pinned
                if kind == "number" and registry.type_key(type(obj)) == key
            ]
            excluded = [obj.pk for _, obj, _ in self.pinned]

            def typed() -> Any:
                pages = self._pages().filter(content_type__in=content_types.get(key, []))
                if floor is not None:  # promoted pages stay: they are counted under the type
                    pages = pages.filter(pk__gt=floor)
                return self._search(pages.exclude(pk__in=excluded).only(*BASE_PAGE_FIELDS))

            self.sources = [("page", _Deferred(typed), counts[key] - len(self.pinned))]
        self.sources = [source for source in self.sources if source[2] > 0]
        self.total = len(self.pinned) + sum(count for _, _, count in self.sources)

    # -- the result sequence ----------------------------------------------------------------

    @property
    def types(self) -> list[TypeCount]:
        return self._types or []

    @property
    def results(self) -> "RankedResults | list[Hit]":
        return RankedResults(self) if self.terms else []
