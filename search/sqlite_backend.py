"""SQLite half of search.backends (imported only on SQLite: modelsearch's FTS5 model exists
only there)."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.db import connections
from django.db.models import (
    AutoField,
    BigAutoField,
    BigIntegerField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    QuerySet,
    SmallAutoField,
    TextField,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite as upstream
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page

from . import bounds, recent
from .bounds import BoundedBackend
from .mirror import MIRROR_TABLE, mirrored
from .models import RecentFTSEntry, SiteModelFTSEntry
from .summaries import SummarisingIndex

if TYPE_CHECKING:  # the mixin's methods run on upstream's compiler (untyped: Any)
    _CompilerBase = Any
else:
    _CompilerBase = object


def in_ranked_order(rows: list[Any]) -> list[Any]:
    """(object id, score, …) rows in the ranking's order (relevance, then newest), which a join
    need not keep."""
    return sorted(rows, key=lambda row: (row[1], -int(row[0])))


class MirrorMatch(MatchExpression):
    """MATCH on the opted-in models' own FTS5 table (search/mirror.py)."""

    template = f"{MIRROR_TABLE} MATCH %s"


class MirrorBM25(BM25):
    table = MIRROR_TABLE

    def as_sql(
        self, compiler: Any, connection: Any, function: Any = None, template: Any = None
    ) -> tuple[str, list[Any]]:
        return f"bm25({self.table})", []


class RecentMatch(MatchExpression):
    """MATCH on the newest index entries' FTS5 table (search/recent.py)."""

    template = f"{recent.RECENT_TABLE} MATCH %s"


class RecentBM25(MirrorBM25):
    table = recent.RECENT_TABLE


# Ranked page candidates read beyond a slice's end, so that a few not shown (a draft, another
# site's, a pinned or restricted page) among the best need no second query.
CHECKED_SLACK = 20
# A base page as the engine's page sources read it (id, title, type), in Page's field order.
BASE_ROW = ["id", "title", "content_type_id"]


def base_rows_only(queryset: QuerySet[Any]) -> bool:
    """Whether `queryset` reads base pages' id, title and type only (search.engine's sources)."""
    fields, deferred = queryset.query.deferred_loading
    return queryset.model is Page and not deferred and set(fields) <= set(BASE_ROW)


class RankedSQLiteSearchResults(upstream.SQLiteSearchResults):
    def __init__(self, backend: Any, query_compiler: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(backend, query_compiler, *args, **kwargs)
        # The candidates' bound of each match, found once per backend (RankedSQLiteSearchBackend)
        query_compiler.candidate_bounds = getattr(backend, "candidate_bounds", None)

    @contextmanager
    def _unranked(self) -> Iterator[None]:
        """Counting needs no scores: skip upstream's per-row score subquery."""
        compiler = self.query_compiler
        saved, compiler.order_by_relevance = compiler.order_by_relevance, False
        try:
            yield
        finally:
            compiler.order_by_relevance = saved

    def _do_count(self) -> int:
        with self._unranked():
            return super()._do_count()

    def facet(self, field_name: str) -> Any:
        with self._unranked():
            return super().facet(field_name)

    def _do_search(self) -> list[Any]:
        compiler = self.query_compiler
        bounded = issubclass(compiler.queryset.model, Page)
        config = compiler.get_config(self.backend)
        ranked = compiler.ranked_entries(config, allowed_only=not bounded)
        if ranked is None:  # not a relevance-ordered search: upstream handles it well
            return super()._do_search()
        if bounded and self.stop is not None and base_rows_only(compiler.queryset):
            found = self._base_pages_checked_after_ranking(ranked)
            if found is not None:
                return found
        if bounded:
            # At most SEARCH_CANDIDATES rows, each checked against the source queryset by its
            # primary key (a subquery of every allowed page grew with the site), ranked and
            # sliced in the same query.
            allowed = compiler.queryset.order_by().filter(
                pk=Cast(OuterRef("index_entry__object_id"), BigIntegerField())
            )
            ranked = ranked.filter(Exists(allowed))
        if self.stop is not None:
            ranked = ranked[self.start : self.stop]
        elif self.start:
            ranked = ranked[self.start :]
        rows = ranked.values_list("index_entry__object_id", "score")
        if bounded and base_rows_only(compiler.queryset):
            return self._base_pages(rows)
        return self._objects(list(rows))

    def _base_pages_checked_after_ranking(self, ranked: QuerySet[Any]) -> list[Any] | None:
        """The base pages of the slice, checked against the source queryset (live, public, this
        site, not pinned) after ranking, not before: the first `stop` + CHECKED_SLACK ranked
        candidates are read and only they are checked, where a check inside the ranking ran
        once per candidate (1,000 at 10,000 articles: 3.4 M instructions of 20). The same
        pages as checking first whenever those candidates hold `stop` allowed pages or are all
        there are; None otherwise (more of the best candidates than the slack are not shown
        here: the caller checks every candidate)."""
        compiler = self.query_compiler
        stop = self.stop
        assert stop is not None
        top = ranked[: stop + CHECKED_SLACK].values_list("index_entry__object_id", "score")
        top_sql, top_params = top.query.sql_with_params()
        allowed = (
            compiler.queryset.order_by()
            .filter(pk=RawSQL("CAST(r.index_entry__object_id AS integer)", ()))
            .values("pk")
        )
        allowed_sql, allowed_params = allowed.query.sql_with_params()
        read = self._with_pages(
            top.db, top_sql, top_params, f", EXISTS({allowed_sql})", allowed_params, "LEFT"
        )
        found = [row[:4] for row in read if row[4] and row[2] is not None]
        if len(found) < stop and len(read) == stop + CHECKED_SLACK:
            return None
        return self._pages_of(top.db, in_ranked_order(found)[self.start : stop])

    def _base_pages(self, rows: QuerySet[Any]) -> list[Any]:
        """The base pages of the ranked slice, with only their title and type (what the
        engine's page sources read, search.engine.BASE_PAGE_FIELDS), read in the same query:
        the slice joined to the page table (checked against the source queryset already)."""
        sql, params = rows.query.sql_with_params()
        found = self._with_pages(rows.db, sql, params)
        return self._pages_of(rows.db, in_ranked_order(found))

    @staticmethod
    def _with_pages(
        db: str,
        sql: str,
        params: Any,
        extra: str = "",
        extra_params: Any = (),
        join: str = "INNER",
    ) -> list[Any]:
        """Rows (object id, score, title, type, *extra) of the ranked rows `sql` joined to the
        page table in one query (`extra`: more selected columns, their params first)."""
        with connections[db].cursor() as cursor:
            cursor.execute(
                "SELECT r.index_entry__object_id, r.score, p.title, p.content_type_id"  # noqa: S608
                f"{extra} FROM ({sql}) r {join} JOIN wagtailcore_page p"
                " ON p.id = CAST(r.index_entry__object_id AS integer)",
                [*extra_params, *params],
            )
            return cursor.fetchall()

    def _pages_of(self, db: str, found: list[Any]) -> list[Any]:
        """Base pages of (object id, score, title, type) rows, in their order."""
        pages = []
        for oid, score, title, content_type_id in found:
            page = Page.from_db(db, BASE_ROW, [int(oid), title, content_type_id])
            if self._score_field:
                setattr(page, self._score_field, score)
            pages.append(page)
        return pages

    def _objects(self, rows: list[Any]) -> list[Any]:
        """The objects of (object id, score) rows, in their order (one query)."""
        compiler = self.query_compiler
        objects = {
            str(obj.pk): obj for obj in compiler.queryset.filter(pk__in=[oid for oid, _ in rows])
        }
        results = []
        for oid, score in rows:
            obj = objects.get(oid)
            if obj is None:  # deleted between the two queries
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results


class RankedSQLiteSearchQueryCompilerMixin(_CompilerBase):
    def matching_entries(self, config: Any) -> QuerySet[Any]:
        """The FTS5 rows that match, of the source model's types. For pages, only the newest
        SEARCH_CANDIDATES matching rows of any type (search.bounds): FTS5 reads its rows newest
        first and stops, then one bound (an index entry id) limits the rest; the same rows are
        read from the newest entries' table when it holds them all (search/recent.py: bm25()
        there counts only its rows, and neither the ranking nor the counts read the whole
        index's doclists). Opted-in models (partners) are read from their own FTS5 table
        (search/mirror.py): not crowded out by pages, and costing the same whatever the number
        of pages."""
        columns = self.fields or self.FTS_TABLE_FIELDS
        search_query = self.build_search_query(normalize(self.query), config=config)
        self.rank_table = ""
        entries: QuerySet[Any]
        if mirrored(self.queryset.model):
            self.rank_table = MIRROR_TABLE
            entries = SiteModelFTSEntry.objects.filter(MirrorMatch(columns, search_query))
        else:
            entries = upstream.SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(columns, search_query)
            )
        if issubclass(self.queryset.model, Page):
            floor, covered = self.candidates_bound(columns, search_query)
            if floor is not None:
                if covered:  # the same rows, read from the newest entries' table
                    self.rank_table = recent.RECENT_TABLE
                    entries = RecentFTSEntry.objects.filter(RecentMatch(columns, search_query))
                entries = entries.filter(pk__gt=floor)
        model = self.queryset.model
        return entries.filter(
            index_entry__content_type__in=get_descendants_content_types_pks(model)
        )

    def candidates_bound(self, columns: Any, search_query: Any) -> tuple[int | None, bool]:
        """(the id of the first matching row past the newest SEARCH_CANDIDATES, None when fewer
        match; whether the newest entries' table holds every row above it). One statement: the
        bound looked for among the newest entries first (found there, it is the whole index's:
        the table holds every entry above its lowest id), in the whole index only when they hold
        too few matches and not the whole index. A search page asks twice for the same match
        (counts, then ranking): the backend's `candidate_bounds` keeps the answer for the rest
        of its request."""
        remembered = getattr(self, "candidate_bounds", None)
        # The MATCH text: columns, the query, prefix or not (autocomplete).
        key = (type(self).__name__, tuple(columns), repr(normalize(self.query)))
        if remembered is not None and key in remembered:
            return remembered[key]
        bound = bounds.SEARCH_CANDIDATES

        def beyond(entries: QuerySet[Any]) -> tuple[str, Any]:
            newest_first = entries.order_by("-pk").values_list("pk", flat=True)
            return newest_first[bound : bound + 1].query.sql_with_params()

        in_recent, recent_params = beyond(
            RecentFTSEntry.objects.filter(RecentMatch(columns, search_query))
        )
        in_index, index_params = beyond(
            upstream.SQLiteFTSIndexEntry.objects.filter(MatchExpression(columns, search_query))
        )
        # SQLite runs an uncorrelated scalar subquery at most once, and only when CASE reaches it.
        sql = (
            "SELECT r, n, CASE WHEN r IS NULL AND coalesce(n, 0) > %s"  # noqa: S608
            f" THEN ({in_index}) END"
            f" FROM (SELECT ({in_recent}) AS r, ({recent.NEWEST_ID_SQL}) AS n)"
        )
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, [recent.RECENT_ENTRIES, *index_params, *recent_params])
            found, newest_id, floor = cursor.fetchone()
        if found is not None:
            answer = (found, recent.covers(found, newest_id))
        elif recent.holds_every_entry(newest_id):
            answer = (None, False)
        else:
            answer = (floor, False)
        if remembered is not None:
            remembered[key] = answer
        return answer

    def build_tsrank(self, vector: Any, query: Any, config: Any = None, boost: float = 1.0) -> Any:
        """bm25() of the table the rows are read from (search/mirror.py, search/recent.py)."""
        table = getattr(self, "rank_table", None)
        if table is None:  # not read through matching_entries
            table = MIRROR_TABLE if mirrored(self.queryset.model) else ""
        if table and isinstance(query, (Phrase, PlainText, Not)):
            rank = RecentBM25() if table == recent.RECENT_TABLE else MirrorBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def search(
        self, config: Any, start: int | None, stop: int | None, score_field: Any = None
    ) -> Any:
        """Counts and facets (no relevance order, no score) over the bounded matches; anything
        else as upstream does (ranked slices go through `ranked_entries`)."""
        query = normalize(self.query)
        if self.order_by_relevance or score_field is not None or isinstance(query, (MatchAll, Not)):
            return super().search(config, start, stop, score_field=score_field)
        ids = self.matching_entries(config).values_list("index_entry__object_id", flat=True)
        queryset = self.queryset.filter(pk__in=ids)
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]

    def ranked_entries(self, config: Any, allowed_only: bool = True) -> QuerySet[Any] | None:
        """The FTS5 rows that match and that the source queryset allows, annotated with their
        bm25 `score` and in relevance order (one query, sliced by the caller); None when the
        upstream path applies (no relevance ordering, MATCH ALL/NONE, negation)."""
        if not self.order_by_relevance:
            return None
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        entries = self.matching_entries(config)  # picks the table bm25() reads
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        model = self.queryset.model
        allowed = self.queryset.order_by().annotate(_oid=Cast("pk", TextField())).values("_oid")
        if isinstance(model._meta.pk, (AutoField, BigAutoField, SmallAutoField, IntegerField)):
            newest_first = Cast("index_entry__object_id", BigIntegerField()).desc()
        else:
            newest_first = F("index_entry__object_id").desc()
        if allowed_only:
            entries = entries.filter(index_entry__object_id__in=allowed)
        return (
            entries.annotate(score=rank)
            # bm25: lower is better; ties newest first, like upstream's order_by(score, "-pk").
            .order_by("score", newest_first)
        )


class RankedSQLiteSearchQueryCompiler(
    RankedSQLiteSearchQueryCompilerMixin, upstream.SQLiteSearchQueryCompiler
):
    pass


class RankedSQLiteAutocompleteQueryCompiler(
    RankedSQLiteSearchQueryCompilerMixin, upstream.SQLiteAutocompleteQueryCompiler
):
    pass


class SummarisingSQLiteIndex(SummarisingIndex, upstream.SQLiteIndex):
    pass


class RankedSQLiteSearchBackend(BoundedBackend, upstream.SQLiteSearchBackend):
    # Keeps only the newest SEARCH_CANDIDATES matching FTS5 rows itself: no id floor.
    bounds_itself = True
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
    results_class = RankedSQLiteSearchResults
    index_class = SummarisingSQLiteIndex

    def __init__(self, params: Any) -> None:
        super().__init__(params)
        # The candidates' bound per match (RankedSQLiteSearchQueryCompilerMixin.candidates_bound):
        # get_search_backend() builds a backend per call, so these live for one search request.
        self.candidate_bounds: dict[Any, Any] = {}
