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
"""

import re
from collections import namedtuple
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from modelsearch.query import Or, PlainText, SearchQuery
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from portal.pagecache.memo import remember
from portal.pagecache.privacy import private_q

from . import registry
from .text import (
    fold,
    folded_words,
    has_marks,
    highlight,
    highlight_title,
    query_was_cut,
    searchable_query,
    words,
)

RANK_WINDOW = 60
MAX_NUMBER_HITS = 5
# Result slices ending within the first REMEMBERED_HITS unpinned hits (the first five pages of
# ten) are remembered decorated until the next purge: readers rarely go further, and the memo of
# a query stays a few small entries.
REMEMBERED_HITS = 50
HIT_TEMPLATE = "search/includes/hit.html"


def number_providers() -> Sequence[str]:
    return getattr(settings, "SEARCH_NUMBER_PROVIDERS", ())


# (kind: "promoted" or "number", object, description) of a pinned result.
type Pinned = tuple[str, Any, str]
# (kind, lazy backend results, count) of a source the reader pages through.
type Source = tuple[str, Any, int]
# (object, pinned kind, description) of a result to show.
type Entry = tuple[Any, str, str]

# A page of the remembered ranking window: enough to load the specific page in one query per type.
PageRef = namedtuple("PageRef", "content_type_id pk")


@dataclass
class Hit:
    """What the template shows of one result. A remembered hit keeps plain values only: its
    object (`obj`) is loaded again, by model and pk, only if some code asks for it."""

    url: str | None  # None: an object with no page of its own (its title is not a link)
    title: str
    type_key: str
    type_label: str
    texts: list[str] = field(default_factory=list)
    date: object = None
    pinned: str = ""  # "promoted" or "number"
    description: str = ""
    title_html: str = ""
    snippet_html: str = ""
    model_label: str = ""
    pk: object = None
    html: str = ""  # the rendered hit (search/includes/hit.html), for a remembered hit
    _obj: object = field(default=None, repr=False, compare=False)

    @property
    def obj(self) -> Any:
        if self._obj is None and self.pk is not None:
            model = apps.get_model(self.model_label)
            self._obj = model._default_manager.filter(pk=self.pk).first()
        return self._obj

    def plain(self) -> "Hit":
        """This hit without its object and source texts, rendered, to be remembered: the page
        shows `html` as it is (the template renders only hits without it)."""
        return Hit(
            url=self.url,
            title=self.title,
            type_key=self.type_key,
            type_label=self.type_label,
            date=self.date,
            pinned=self.pinned,
            description=self.description,
            title_html=self.title_html,
            snippet_html=self.snippet_html,
            model_label=self.model_label,
            pk=self.pk,
            html=render_to_string(HIT_TEMPLATE, {"hit": self}),
        )


@dataclass
class TypeCount:
    key: str
    label: str
    count: int


def _text_of(obj: Any) -> list[str]:
    """Plain texts a hit may be summarised from, best first."""
    texts = []
    snippet = getattr(obj, "search_snippet_text", None)
    if callable(snippet):
        texts.append(snippet() or "")
    texts.append(getattr(obj, "search_description", "") or "")
    return [t for t in texts if t]


def _date_of(obj: Any) -> Any:
    hook = getattr(obj, "search_result_date", None)
    if callable(hook):
        return hook()
    for name in ("published_at", "date_issued", "date"):
        value = getattr(obj, name, None)
        if hasattr(value, "year"):
            return value
    return None


def url_of(obj: Any, request: HttpRequest | None) -> str | None:
    if isinstance(obj, Page):
        return obj.get_url(request)
    get_url = getattr(obj, "get_url", None)
    if callable(get_url):
        try:
            return get_url(request)
        except TypeError:
            return get_url()
    return getattr(obj, "url", None)


def _title_of(obj: Any) -> str:
    for name in ("title", "name"):
        value = getattr(obj, name, None)
        if isinstance(value, str) and value:
            return value
    return str(obj)


def _is_base_page(obj: Any) -> bool:
    """A result the page source returned (a base `Page`) or its remembered reference."""
    return type(obj) is Page or type(obj) is PageRef


def _ref(obj: Any) -> Any:
    return PageRef(obj.content_type_id, obj.pk) if type(obj) is Page else obj


class _Deferred:
    """Backend results built on first use: a search answered from remembered values never
    builds its querysets."""

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build
        self._results: Any = None

    def __getitem__(self, index: int | slice) -> Any:
        if self._results is None:
            self._results = self._build()
        return self._results[index]

    def count(self) -> int:
        if self._results is None:
            self._results = self._build()
        return self._results.count()


class SiteSearch:
    """One search request: `results` is a sequence Django's Paginator can slice."""

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
        self.pinned: list[Pinned] = []
        self.sources: list[Source] = []
        self.total = 0
        self._memo_key: tuple[object, ...] = ()
        if self.terms:
            self._prepare(type_key)

    # -- sources ------------------------------------------------------------------------------

    def _pages(self) -> Any:
        # Page.objects.live().public(), with the restricted sections remembered.
        pages = Page.objects.live().exclude(private_q())
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

    def _counts(self, unpinned: Callable[[], Any]) -> tuple[dict[int, int], dict[str, int]]:
        """(hits per content type of the unpinned pages, hits per opted-in model label)."""
        facets = dict(self._search(unpinned()).facet("content_type_id"))
        models = {
            model._meta.label: self._search(registry.site_search_queryset(model)).count()
            for model in self.models
        }
        return facets, models

    def _prepare(self, type_key: str) -> None:
        pinned = self._pinned()
        pinned_pages = [obj for _, obj, _ in pinned if isinstance(obj, Page)]

        def unpinned() -> Any:
            return self._pages().exclude(pk__in=[page.pk for page in pinned_pages])

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
        page_facets, model_counts = remember(
            "search-counts", *memo_key, compute=lambda: self._counts(unpinned)
        )
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
            model_results[key] = _Deferred(partial(self._search_model, model))
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
            pages = _Deferred(lambda: self._search(unpinned()))
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
                return self._search(pages.exclude(pk__in=excluded))

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

    def _specific(self, objects: Sequence[Any]) -> list[Any]:
        """The objects made specific, keeping their order; one query per page type, and pages
        loaded earlier in this request are not loaded again. A page whose row is gone is
        dropped (one whose specific row is gone stays a plain Page, as with `specific()`)."""
        cache = self._specific_pages
        wanted: dict[int, list[Any]] = {}  # content type id -> pks
        for obj in objects:
            if _is_base_page(obj) and obj.pk not in cache:
                wanted.setdefault(obj.content_type_id, []).append(obj.pk)
        missing = []
        for content_type_id, pks in wanted.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                missing.extend(pks)
                continue
            cache.update((p.pk, p) for p in model._default_manager.filter(pk__in=pks))
            missing.extend(pk for pk in pks if pk not in cache)
        if missing:
            cache.update((p.pk, p) for p in Page.objects.filter(pk__in=missing).specific())
        found = []
        for obj in objects:
            if _is_base_page(obj):
                obj = cache.get(obj.pk)
                if obj is None:
                    continue
            found.append(obj)
        return found

    def _hits(self, objects: Sequence[Any], pinned: str = "") -> list[Hit]:
        """Hits for a list of (possibly non-specific) objects, keeping their order."""
        return [self._hit(obj, pinned) for obj in self._specific(objects)]

    def _hit(self, obj: Any, pinned: str = "", description: str = "") -> Hit:
        model = type(obj)
        url = url_of(obj, self.request)
        if model.__name__ == "SearchPromotion":  # an external link promotion
            return Hit(
                url=obj.external_link_url,
                title=obj.external_link_text or obj.external_link_url,
                type_key="promoted",
                type_label="",
                texts=[obj.description] if obj.description else [],
                pinned=pinned,
                model_label=model._meta.label,
                pk=obj.pk,
                _obj=obj,
            )
        return Hit(
            url=url,
            title=_title_of(obj),
            type_key=registry.type_key(model),
            type_label=registry.type_label(model),
            texts=_text_of(obj),
            date=_date_of(obj),
            pinned=pinned,
            description=description,
            model_label=model._meta.label,
            pk=obj.pk,
            _obj=obj,
        )

    def _in_title(self, title: str) -> bool:
        title_words = set(folded_words(title, limit=None))
        return all(term in title_words for term in self.terms)

    def rank_keys(self, objects: Sequence[Any]) -> list[tuple[int, int]]:
        """(title match?, own accents matched?) per object, lower sorts first. Titles are on the
        rows the backend returned; the text of a page is loaded (in bulk) only when the query
        carries accents and the page's title does not match."""
        in_title = [self._in_title(_title_of(obj)) for obj in objects]
        if not self.accented:
            return [(0 if hit else 1, 0) for hit in in_title]
        self._specific([obj for obj, hit in zip(objects, in_title, strict=True) if not hit])
        keys = []
        for obj, hit in zip(objects, in_title, strict=True):
            source = _title_of(obj)
            if not hit:
                full = self._specific_pages.get(obj.pk, obj) if type(obj) is Page else obj
                source = " ".join([source, *_text_of(full)])
            present = set(words(source, limit=None))
            exact = all(term in present for term in self.raw_terms)
            keys.append((0 if hit else 1, 0 if exact else 1))
        return keys

    def ranked_window(self) -> list[Any]:
        """The re-ranked window of every source (pages as `PageRef`s, other objects as they
        are), without the pinned entries."""

        def window() -> list[Any]:
            ranked = []
            for order, (_kind, results, _count) in enumerate(self.sources):
                objects = list(results[:RANK_WINDOW])
                for position, (key, obj) in enumerate(
                    zip(self.rank_keys(objects), objects, strict=True)
                ):
                    ranked.append((key, position, order, obj))
            ranked.sort(key=lambda item: item[:3])
            return [_ref(item[3]) for item in ranked]

        # Ranking reads every match: a popular query's window is remembered until the next
        # purge, like its counts (same key, plus the type filter). References, not pages: a
        # small value, and the pages shown are loaded in one query per type.
        return remember("search-window", *self._memo_key, self.active_type, compute=window)

    def hits_for(self, entries: Sequence[Entry]) -> list[Hit]:
        """Hits for (object, pinned kind, description) entries: only these are made specific."""
        self._specific([obj for obj, _, _ in entries])
        hits = []
        for obj, kind, description in entries:
            if _is_base_page(obj):
                obj = self._specific_pages.get(obj.pk)
            if obj is not None:
                hits.append(self._hit(obj, kind, description))
        return hits

    def decorate(self, hits: list[Hit]) -> list[Hit]:
        for hit in hits:
            hit.title_html = highlight_title(hit.title, self.query)
            text = next(
                (t for t in hit.texts if set(folded_words(t, limit=None)) & set(self.terms)),
                hit.texts[0] if hit.texts else "",
            )
            hit.snippet_html = highlight(text, self.query) if text else ""
        return hits


class RankedResults:
    """A lazy sequence for Paginator: pinned first, then the re-ranked window, then each
    source's tail. Pinned entries are built on every request (promotions do not purge); the
    rest of a slice within the first REMEMBERED_HITS is remembered, decorated, until the next
    purge."""

    def __init__(self, search: SiteSearch) -> None:
        self.search = search
        self._window: list[Any] | None = None

    def __len__(self) -> int:
        return self.search.total

    def count(self) -> int:
        return self.search.total

    def __getitem__(self, index: int | slice) -> Any:
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else len(self)
        search = self.search
        pinned = search.pinned
        hits = []
        if start < len(pinned):
            entries = [(obj, kind, text) for kind, obj, text in pinned[start:stop]]
            hits.extend(search.decorate(search.hits_for(entries)))
        lo, hi = max(start - len(pinned), 0), max(stop - len(pinned), 0)
        if hi <= lo:
            return hits
        if hi > REMEMBERED_HITS:
            return hits + self._unpinned(lo, hi)
        # Hits are the same whoever asks (live, public pages only) except for their language.
        remembered = remember(
            "search-hits",
            *search._memo_key,
            search.active_type,
            lo,
            hi,
            get_language(),
            compute=lambda: [hit.plain() for hit in self._unpinned(lo, hi)],
        )
        return hits + remembered

    def _unpinned(self, lo: int, hi: int) -> list[Hit]:
        """Decorated hits lo..hi (0 is the first unpinned hit)."""
        search = self.search
        window_length = sum(min(count, RANK_WINDOW) for _, _, count in search.sources)
        hits = []
        if lo < window_length:
            if self._window is None:
                self._window = search.ranked_window()
            entries = [(obj, "", "") for obj in self._window[lo : min(hi, window_length)]]
            hits.extend(search.hits_for(entries))
        # Tails: each source's hits after its window, in source order.
        offset = window_length
        for _kind, results, count in search.sources:
            tail = max(count - RANK_WINDOW, 0)
            a, b = max(lo - offset, 0), min(hi - offset, tail)
            if b > a:
                objects = list(results[RANK_WINDOW + a : RANK_WINDOW + b])
                hits.extend(search._hits(objects))
            offset += tail
        return search.decorate(hits)
