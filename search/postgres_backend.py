"""PostgreSQL half of search.backends: modelsearch's database backend with cheaper SQL for
words found in nearly every page.

Measured on 10,000 articles (EXPLAIN ANALYZE, `cong doan`, 11,000 matches), upstream's
ranking query spent its time on per-row work, not on finding rows:

- it *selects* `title || body` (annotated as `_vector_`), so the concatenation of two
  tsvectors is computed for every match before the top 60 are taken (~50 ms): here the vector
  is an alias (filtered on, never selected);
- its filter `(title || body) @@ query` concatenates and de-TOASTs the body of every row when
  nearly every row matches (~95 ms). Rewriting it as `title @@ q OR body @@ q OR (title || body)
  @@ q` made `cong doan` cheaper (~15 ms) but made the planner give up the GIN index for
  medium-selective queries (`dai hoi xiii` 122 → 205 ms), so it was not kept.

Results, counts and order are the same as upstream's (tested against it).
"""

from modelsearch.backends.database.postgres import postgres as upstream
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText


def _monotone(query):
    """True when matching more words can never unmatch: no negation anywhere."""
    if isinstance(query, (PlainText, Phrase)):
        return True
    if isinstance(query, Boost):
        return _monotone(query.subquery)
    if isinstance(query, (And, Or)):
        return all(_monotone(sub) for sub in query.subqueries)
    return False


class FastPostgresSearchQueryCompiler(upstream.PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        query = self.query
        if (
            self.fields is not None
            or isinstance(query, (MatchAll, Fuzzy, Not))
            or not _monotone(query)
        ):
            return super().search(config, start, stop, score_field=score_field, backend=backend)

        search_query = self.build_tsquery(query, config=config)
        vectors = self.get_index_vectors(search_query)  # [(title, title_norm), (body, 1.0)]
        rank_expression = self._build_rank_expression(vectors, config)
        (title, _norm), (body, _boost) = vectors
        queryset = self.queryset.alias(_vector_=title._combine(body, "||", False)).filter(
            _vector_=search_query
        )
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class FastPostgresSearchBackend(upstream.PostgresSearchBackend):
    query_compiler_class = FastPostgresSearchQueryCompiler
