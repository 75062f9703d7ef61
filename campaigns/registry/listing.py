"""The registry list at national scale (15 million entries): search by an index, counts and
pages that do not read the whole table. docs/registry.md, "The list at scale", says why.

* Search: a query that is a phone number in any spelling is normalised to E.164 and looked up
  exactly (the unique index); anything else is a name, matched without accents word by word on
  the folded name (a GIN index of its words on PostgreSQL).
* Counts: exact up to REGISTRY_EXACT_COUNT_LIMIT rows (a bounded count); above it, PostgreSQL's
  own row estimate for the same query (EXPLAIN), shown as "khoảng …".
* Pages: deep pages read the keys of the rows before them from an index only (a "deferred join"),
  then the rows of the page.
"""

import json
import re
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Q, QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin.paginator import WagtailPaginator

from search.text import fold, squash

from . import normalise

# From this row on, a page's rows are found by their keys first (an index-only scan).
DEFERRED_JOIN_FROM = 200
WORD = re.compile(r"\w+")


def search(queryset: QuerySet, query: str | None) -> QuerySet:
    """The entries matching what a clerk typed: a phone number (exact) or a name (accents and
    case ignored, every word typed is a word of the name, in any order)."""
    query = squash(query or "")
    if not query:
        return queryset
    phone = normalise.try_normalise_phone(query)
    if phone:
        return queryset.filter(phone=phone)
    if any(ch.isdigit() for ch in query):
        # Not a whole phone number, and names have no digits: nothing can match.
        return queryset.none()
    words = WORD.findall(fold(query))[:8]
    if not words:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        # Every word, looked up in the GIN index of the name's words (migration 0004): the
        # expression is the index's own.
        return queryset.alias(name_words=SearchVector("name_folded", config="simple")).filter(
            name_words=SearchQuery(" ".join(words), config="simple")
        )
    for word in words:  # SQLite (the embedded default, small): the same words, on the column
        queryset = queryset.filter(
            Q(name_folded=word)
            | Q(name_folded__startswith=f"{word} ")
            | Q(name_folded__endswith=f" {word}")
            | Q(name_folded__contains=f" {word} ")
        )
    return queryset


def estimate_rows(queryset: QuerySet) -> int | None:
    """PostgreSQL's estimate of the rows the query returns (None elsewhere)."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def round_estimate(value: int) -> int:
    """Two significant digits: 1 003 214 → 1 000 000, 29 412 → 29 000."""
    if value < 100:
        return value
    digits = len(str(value)) - 2
    return round(value, -digits)


def vietnamese_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class RegistryPaginator(WagtailPaginator):
    """Counts exactly up to a limit, estimates above it (and says so); finds deep pages by key."""

    @cached_property
    def exact_limit(self) -> int:
        return int(getattr(settings, "REGISTRY_EXACT_COUNT_LIMIT", 10_000))

    @cached_property
    def is_estimate(self) -> bool:
        self.count  # noqa: B018 - computes both
        return self._is_estimate

    # Set by the list for a name search: its matches are counted by estimate (below).
    estimate_searches = False

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        self._is_estimate = False
        if self.estimate_searches:
            # A name search with more than a page of matches: counting them would read the
            # word index a second time, at a cost that grows with the registry; PostgreSQL's
            # estimate costs nothing (and says so on screen). Few matches never get here.
            estimate = estimate_rows(queryset)
            if estimate is not None:
                self._is_estimate = True
                return max(round_estimate(estimate), self.per_page + 1)
        bounded = queryset.order_by().values("pk")[: self.exact_limit + 1].count()
        if bounded <= self.exact_limit:
            return bounded
        estimate = estimate_rows(queryset)
        if estimate is None:  # SQLite: the embedded default is small, count it all
            return queryset.count()
        self._is_estimate = True
        return max(round_estimate(estimate), self.exact_limit + 1)

    @cached_property
    def items_count_label(self) -> str:
        count = vietnamese_number(self.count)
        if self.is_estimate:
            return _("khoảng %(count)s %(items)s (ước tính)") % {
                "count": count,
                "items": self.verbose_name_plural.lower(),
            }
        return f"{count} {self.verbose_name_plural.lower()}"

    def get_page(self, number: Any) -> Any:
        """The first page is read before anything is counted: when the whole result fits on it
        (a phone number, a rare name, a narrow filter) its rows are the count, and no count is
        asked for."""
        if number in (None, "", "1", 1):
            rows = list(self.object_list[: self.per_page + self.orphans + 1])
            if len(rows) <= self.per_page + self.orphans:
                self.__dict__["count"] = len(rows)
                self._is_estimate = False
                return self._get_page(rows, 1, self)
            self._first_rows = rows[: self.per_page]
        return super().get_page(number)

    def page(self, number: Any) -> Any:
        number = self.validate_number(number)
        if number == 1 and getattr(self, "_first_rows", None) is not None:
            return self._get_page(self._first_rows, 1, self)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if not self.is_estimate and top + self.orphans >= self.count:
            top = self.count
        if bottom >= DEFERRED_JOIN_FROM:
            keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
            rows = self.object_list.filter(pk__in=keys)
        else:
            rows = self.object_list[bottom:top]
        return self._get_page(rows, number, self)
