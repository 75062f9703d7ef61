"""PostgreSQL half of search.backends: modelsearch's database backend with cheaper SQL for
words found in nearly every page.

Measured on 10,000 articles (EXPLAIN ANALYZE, `cong doan`, 11,000 matches), upstream's queries
spent their time on per-row work, not on finding rows:

- the match `(title || body) @@ query` decompresses and concatenates two position-laden vectors
  for every row when nearly every row matches (PostgreSQL then rightly reads the whole table
  rather than the GIN index). Here the match is on `search_lexemes`, a stored
  `strip(title || body)` column with its own GIN index (migration search/0003): the same rows
  for any query without a phrase, a third of the bytes and no positions to decode (~65 → ~11 ms
  for the scan). A phrase is matched on the lexemes first, then rechecked on `title || body`;
- ranking computed `ts_rank` on title and on body for every match before keeping the best 60
  (~155 ms, mostly the body's). Here, when the requested slice lies within the first
  RANK_CANDIDATES hits, only RANK_CANDIDATES candidates get the full score: the best by the title
  part of the score (cheap: titles are short and stored inline), most recent first on ties.
  The order is one total order for every slice (candidates first, each group by the full score),
  so a deep page computes the full score of every match and no hit is shown twice or skipped.
  With at most RANK_CANDIDATES matches the order is exactly upstream's (tested against it).

Counts are exactly upstream's (tested against it).
"""

from collections.abc import Iterator, Sequence
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db.models import BooleanField, Case, Expression, F, Value, When
from modelsearch.backends.database.postgres import postgres as upstream
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.query import SearchQuery as SearchQueryNode

from .bounds import BoundedBackend
from .summaries import SummarisingIndex

LEXEMES_COLUMN = "search_lexemes"  # created by migration search/0003, unknown to the model

# How many hits get the full (title + body) score when the first pages are asked for: twice the
# best 60 the search page re-ranks (search.ranking.RANK_WINDOW), pages 1 to 12. The body's score
# is the costly part (~25 us a hit): with 300, a search of the 1,000 newest matches spent ~7 ms
# more than one of 120 (the whole archive at 100 articles), and the page's first 60 come from
# the best by title anyway (title matches first).
RANK_CANDIDATES = 120


def _leaves(query: SearchQueryNode) -> Iterator[SearchQueryNode]:
    """The query's leaves: what And, Or and Boost combine (Not, Fuzzy, MatchAll are leaves)."""
    if isinstance(query, Boost):
        yield from _leaves(query.subquery)
    elif isinstance(query, (And, Or)):
        for sub in query.subqueries:
            yield from _leaves(sub)
    else:
        yield query


def _monotone(query: SearchQueryNode) -> bool:
    """True when matching more words can never unmatch: no negation anywhere."""
    return all(isinstance(leaf, (PlainText, Phrase)) for leaf in _leaves(query))


def _has_phrase(query: SearchQueryNode) -> bool:
    return any(isinstance(leaf, Phrase) for leaf in _leaves(query))


class IndexEntryLexemes(Expression):
    """`<alias of the joined index entry>.search_lexemes`: a column the IndexEntry model does not
    declare, on the same (possibly relabelled) join as `index_entries__title`."""

    output_field = SearchVectorField()

    def __init__(self, sibling: Any = None) -> None:
        super().__init__()
        self.sibling: Any = sibling if sibling is not None else F("index_entries__title")

    def get_source_expressions(self) -> list[Any]:
        return [self.sibling]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        (self.sibling,) = exprs

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[str | int, ...]]:
        alias = self.sibling.alias  # a Col once resolved
        return (
            f"{compiler.quote_name(alias)}.{connection.ops.quote_name(LEXEMES_COLUMN)}",
            (),
        )


class FastPostgresSearchQueryCompiler(upstream.PostgresSearchQueryCompiler):
    # Set by search.engine on a query it runs newest first: annotate each hit with the title
    # part of its score (the candidates' order) under this name.
    title_score_field: str | None = None
    # Set by search.engine on the ranking of the same hits: the ids of the RANK_CANDIDATES best
    # by that score, which it read with the newest hits, instead of the subquery that finds them
    # again (at 10,000 articles it joined the 1,000 newest matches to their index entries a
    # second time: ~5 ms of the search's ~8 ms of ranking).
    known_candidates: list[int] | None = None

    def _lexeme_tsquery(self, query: SearchQueryNode, config: Any) -> Any:
        """A tsquery whose matches on the stripped lexemes include every match of `query` on the
        full vectors: the same query without phrases, a phrase becoming "all of its words"."""
        if isinstance(query, Phrase):
            return SearchQuery(query.query_string, search_type="plain", config=config)
        if isinstance(query, Boost):
            return self._lexeme_tsquery(query.subquery, config)
        if isinstance(query, (And, Or)):
            parts = [self._lexeme_tsquery(sub, config) for sub in query.subqueries]
            combined = parts[0]
            for part in parts[1:]:
                combined = (combined & part) if isinstance(query, And) else (combined | part)
            return combined
        return self.build_tsquery(query, config=config)

    def search(
        self,
        config: Any,
        start: int | None,
        stop: int | None,
        score_field: str | None = None,
        backend: Any = None,
    ) -> Any:
        query = self.query
        if (
            self.fields is not None
            or isinstance(query, (MatchAll, Fuzzy, Not))
            or not _monotone(query)
        ):
            return super().search(config, start, stop, score_field=score_field, backend=backend)

        search_query = self.build_tsquery(query, config=config)
        vectors = self.get_index_vectors(search_query)  # [(title, title_norm), (body, 1.0)]
        (title, _norm), (body, _boost) = vectors
        queryset = self.queryset.alias(_lexemes_=IndexEntryLexemes()).filter(
            _lexemes_=self._lexeme_tsquery(query, config)
        )
        if _has_phrase(query):
            queryset = queryset.alias(_vector_=title._combine(body, "||", False)).filter(
                _vector_=search_query
            )
        rank_expression = self._build_rank_expression(vectors, config)
        cheap_rank = self._build_rank_expression(vectors[:1], config)
        if not self.order_by_relevance:
            if self.title_score_field:
                queryset = queryset.annotate(**{self.title_score_field: cheap_rank})
            return self._apply_ordering_and_scoring(
                queryset, rank_expression, start, stop, score_field
            )

        start = start or 0
        candidates: Any = self.known_candidates
        if candidates is None:
            candidates = queryset.order_by(cheap_rank.desc(), "-pk").values("pk")[:RANK_CANDIDATES]
        if stop is not None and stop <= RANK_CANDIDATES:
            ordered = queryset.filter(pk__in=candidates).order_by(rank_expression.desc(), "-pk")
        else:
            # Past the candidates (a deep page, a count, a facet): the same order over all hits.
            candidate_first = Case(
                When(pk__in=candidates, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
            ordered = queryset.order_by(candidate_first.desc(), rank_expression.desc(), "-pk")
        if score_field is not None:
            ordered = ordered.annotate(**{score_field: rank_expression})
        return ordered[start:stop]


class SummarisingPostgresIndex(SummarisingIndex, upstream.PostgresIndex):
    pass


class FastPostgresSearchBackend(BoundedBackend, upstream.PostgresSearchBackend):
    # search.engine answers a query from its newest matches past an id floor (search.bounds).
    query_compiler_class = FastPostgresSearchQueryCompiler
    index_class = SummarisingPostgresIndex
