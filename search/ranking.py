"""The order of search results: the backend's best RANK_WINDOW hits of each source re-ranked by
the portal's rules (title match first, then the query's own accents), then each source's tail;
and `RankedResults`, the lazy sequence the paginator slices, with its first pages remembered
until the next purge."""

from collections.abc import Sequence
from typing import Any, Protocol

from django.utils.translation import get_language
from wagtail.models import Page

from portal.pagecache.memo import remember

from .hits import Entry, Hit, ref, text_of, title_of
from .text import folded_words, words

RANK_WINDOW = 60
# Result slices ending within the first REMEMBERED_HITS unpinned hits (the first five pages of
# ten) are remembered decorated until the next purge: readers rarely go further, and the memo of
# a query stays a few small entries.
REMEMBERED_HITS = 50


class Ranking:
    """SiteSearch's re-ranking of each source's window."""

    terms: list[str]
    raw_terms: list[str]
    accented: bool
    sources: list[Any]
    active_type: str
    _memo_key: tuple[object, ...]
    _specific_pages: dict[Any, Any]

    def _specific(self, objects: Sequence[Any]) -> list[Any]:
        raise NotImplementedError  # HitBuilder's

    def hits_for(self, entries: Sequence[Entry]) -> list[Hit]:
        raise NotImplementedError  # HitBuilder's

    def _in_title(self, title: str) -> bool:
        title_words = set(folded_words(title, limit=None))
        return all(term in title_words for term in self.terms)

    def rank_keys(self, objects: Sequence[Any]) -> list[tuple[int, int]]:
        """(title match?, own accents matched?) per object, lower sorts first. Titles are on the
        rows the backend returned; the text of a page is loaded (in bulk) only when the query
        carries accents and the page's title does not match."""
        in_title = [self._in_title(title_of(obj)) for obj in objects]
        if not self.accented:
            return [(0 if hit else 1, 0) for hit in in_title]
        self._specific([obj for obj, hit in zip(objects, in_title, strict=True) if not hit])
        keys = []
        for obj, hit in zip(objects, in_title, strict=True):
            source = title_of(obj)
            if not hit:
                full = self._specific_pages.get(obj.pk, obj) if type(obj) is Page else obj
                source = " ".join([source, *text_of(full)])
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
            return [ref(item[3]) for item in ranked]

        # Ranking reads every match: a popular query's window is remembered until the next
        # purge, like its counts (same key, plus the type filter). References, not pages: a
        # small value, and the pages shown are loaded in one query per type.
        return remember("search-window", *self._memo_key, self.active_type, compute=window)


class RankedSearch(Protocol):
    """What RankedResults reads of the search it pages through (search.engine.SiteSearch)."""

    total: int
    pinned: list[Any]
    sources: list[Any]
    active_type: str
    _memo_key: tuple[object, ...]

    def decorate(self, hits: list[Hit]) -> list[Hit]: ...

    def hits_for(self, entries: Sequence[Any]) -> list[Hit]: ...

    def _hits(self, objects: Sequence[Any], pinned: str = "") -> list[Hit]: ...

    def ranked_window(self) -> list[Any]: ...


class RankedResults:
    """A lazy sequence for Paginator: pinned first, then the re-ranked window, then each
    source's tail. Pinned entries are built on every request (promotions do not purge); the
    rest of a slice within the first REMEMBERED_HITS is remembered, decorated, until the next
    purge."""

    def __init__(self, search: RankedSearch) -> None:
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
