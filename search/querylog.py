"""The editors' query log (Wagtail admin › Reports › Search terms / Promoted results), counted
exactly but cheaply.

Wagtail's `Query.get(q).add_hit()` costs two SELECTs and an UPDATE per search
(`get_or_create` of the query, `get_or_create` of today's row, then `hits = hits + 1`). Once a
query has been searched today its row exists, so one UPDATE does the same: `hits = hits + 1` on
today's row of that query string (written in SQL: building it with the ORM cost more CPU than
running it). Only when no row was updated (the first search of the query
that day) do we fall back to Wagtail's own code, whose `get_or_create`s are safe when two
readers search a new query at once (unique query string, unique (query, date)); its UPDATE is
also `hits + 1`, so concurrent searches are never lost.
"""

from django.db import connections, router
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string


def _update_sql(connection):
    quote = connection.ops.quote_name
    hits, query = QueryDailyHits._meta, Query._meta
    # Only quoted table and column names from the models; the values are parameters.
    return (
        f"UPDATE {quote(hits.db_table)} SET {quote('hits')} = {quote('hits')} + 1"  # noqa: S608
        f" WHERE {quote('date')} = %s AND {quote(hits.get_field('query').column)} ="
        f" (SELECT {quote(query.pk.column)} FROM {quote(query.db_table)}"
        f" WHERE {quote('query_string')} = %s)"
    )


def count_search(query_string):
    """Add one hit to today's count of `query_string`, as `Query.get(q).add_hit()` would."""
    normalised = normalise_query_string(query_string)
    today = timezone.now().date()
    connection = connections[router.db_for_write(QueryDailyHits)]
    with connection.cursor() as cursor:
        date = connection.ops.adapt_datefield_value(today)
        cursor.execute(_update_sql(connection), [date, normalised])
        updated = cursor.rowcount
    if not updated:
        Query.get(normalised).add_hit(date=today)
