"""SQLite half of search.backends (imported only on SQLite: modelsearch's FTS5 model exists
only there)."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.db.models import (
    AutoField,
    BigAutoField,
    BigIntegerField,
    F,
    IntegerField,
    QuerySet,
    SmallAutoField,
    TextField,
)
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite as upstream
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

if TYPE_CHECKING:  # the mixin's methods run on upstream's compiler (untyped: Any)
    _CompilerBase = Any
else:
    _CompilerBase = object


class RankedSQLiteSearchResults(upstream.SQLiteSearchResults):
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
        ranked = compiler.ranked_entries(compiler.get_config(self.backend))
        if ranked is None:  # not a relevance-ordered search: upstream handles it well
            return super()._do_search()
        if self.stop is not None:
            ranked = ranked[self.start : self.stop]
        elif self.start:
            ranked = ranked[self.start :]
        rows = list(ranked.values_list("index_entry__object_id", "score"))
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
    def ranked_entries(self, config: Any) -> QuerySet[Any] | None:
        """The FTS5 rows that match and that the source queryset allows, annotated with their
        bm25 `score` and in relevance order (one query, sliced by the caller); None when the
        upstream path applies (no relevance ordering, MATCH ALL/NONE, negation)."""
        if not self.order_by_relevance:
            return None
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        search_query = self.build_search_query(query, config=config)
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        model = self.queryset.model
        allowed = self.queryset.order_by().annotate(_oid=Cast("pk", TextField())).values("_oid")
        if isinstance(model._meta.pk, (AutoField, BigAutoField, SmallAutoField, IntegerField)):
            newest_first = Cast("index_entry__object_id", BigIntegerField()).desc()
        else:
            newest_first = F("index_entry__object_id").desc()
        return (
            upstream.SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
            )
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(model))
            .filter(index_entry__object_id__in=allowed)
            .annotate(score=rank)
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


class RankedSQLiteSearchBackend(upstream.SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
    results_class = RankedSQLiteSearchResults
