"""SQLite half of search.backends (imported only on SQLite: modelsearch's FTS5 model exists
only there)."""

from contextlib import contextmanager

from modelsearch.backends.database.sqlite import sqlite as upstream
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class RankedSQLiteSearchResults(upstream.SQLiteSearchResults):
    @contextmanager
    def _unranked(self):
        """Counting needs no scores: skip upstream's per-row score subquery."""
        compiler = self.query_compiler
        saved, compiler.order_by_relevance = compiler.order_by_relevance, False
        try:
            yield
        finally:
            compiler.order_by_relevance = saved

    def _do_count(self):
        with self._unranked():
            return super()._do_count()

    def facet(self, field_name):
        with self._unranked():
            return super().facet(field_name)

    def _do_search(self):
        compiler = self.query_compiler
        ranked = compiler.ranked_ids(compiler.get_config(self.backend))
        if ranked is None:  # not a relevance-ordered search: upstream handles it well
            return super()._do_search()
        ranked_rows, ranked_ids = ranked
        allowed = {
            str(pk)
            for pk in compiler.queryset.filter(pk__in=ranked_ids).values_list("pk", flat=True)
        }
        wanted = [(oid, score) for oid, score in ranked_rows if oid in allowed]
        wanted = wanted[self.start : self.stop]
        objects = {
            str(obj.pk): obj for obj in compiler.queryset.filter(pk__in=[oid for oid, _ in wanted])
        }
        results = []
        for oid, score in wanted:
            obj = objects.get(oid)
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results


def _descending_pk(object_id):
    return -int(object_id) if object_id.isdigit() else 0


class RankedSQLiteSearchQueryCompilerMixin:
    def ranked_ids(self, config):
        """([(object id as str, bm25 score)] best first, the matching ids as a subquery), or
        None when the upstream path applies (no relevance ordering, MATCH ALL/NONE, negation)."""
        if not self.order_by_relevance:
            return None
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        search_query = self.build_search_query(query, config=config)
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        matches = upstream.SQLiteFTSIndexEntry.objects.filter(
            MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
        ).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
        )
        rows = list(matches.annotate(score=rank).values_list("index_entry__object_id", "score"))
        # bm25: lower is better; ties newest first, like upstream's order_by(score, "-pk").
        rows.sort(key=lambda row: (row[1], _descending_pk(row[0])))
        return rows, matches.values_list("index_entry__object_id", flat=True)


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
