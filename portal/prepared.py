"""Querysets compiled once per process, run with new parameters.

Building a query's SQL (Django's compiler: the select list, joins, lookups, quoting, converters)
costs more than running it on this site's tables: ~1 ms for a settings row, ~3 ms for an article
with its category and image, against ~0.1 ms for SQLite to answer. The queries every page runs
(the site, the branding row, the page's own row, its tags) differ only in their parameters, so
`Prepared` compiles a queryset once per shape and database connection, finds where each argument
lands in the SQL parameters, and for each later call runs the same SQL with the arguments put
there: the rows, the model instances, `select_related` objects, annotations and
`prefetch_related` lookups are Django's own, as if the queryset had been compiled again.

The shape is found by compiling the queryset with sample arguments, then again with each argument
changed alone: the SQL text must not change and every changed parameter must be that argument's
value as it was passed (ints and strings, or a list of them for `__in`; a list's length is part
of the shape). A queryset that puts an argument anywhere else (in the SQL text, a LIKE pattern, a
date converted to text) is refused when it is first run. `build` must read nothing but its
arguments (no `timezone.now()`, no settings that change at run time): what it reads is frozen.
"""

import copy
import threading
import weakref
from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

__all__ = ["Prepared"]

Arg = int | str | Sequence[int] | Sequence[str]


def _sample(kind: type, index: int, variant: int, length: int | None) -> Arg:
    """A value nothing else in a query holds: the argument's, found in the compiled parameters."""
    if kind is int:
        base = 1_900_000_000 + index * 10_000 + variant * 1_000
        return base if length is None else [base + k for k in range(length)]
    if kind is str:
        text = f"\u2063prepared-{index}-{variant}"
        return text if length is None else [f"{text}-{k}" for k in range(length)]
    raise ImproperlyConfigured(f"Prepared arguments are int or str, not {kind!r}")


class _Compiled:
    """One shape on one connection: the compiler after as_sql(), its SQL and parameters, and
    where each argument goes."""

    def __init__(self, queryset: QuerySet[Any], sql: str, params: tuple[Any, ...], compiler: Any):
        self.queryset = queryset
        self.sql = sql
        self.params = list(params)
        self.compiler = compiler
        fields = [column[0] for column in compiler.select[0 : compiler.col_count]]
        self.converters = compiler.get_converters(fields)
        self.slots: list[tuple[int, int, int | None]] = []  # (position, argument, list index)

    def run(self, connection: Any, args: Sequence[Arg]) -> list[Any]:
        params = list(self.params)
        for position, index, item in self.slots:
            value = args[index]
            params[position] = value if item is None else value[item]  # type: ignore[index]
        compiler = copy.copy(self.compiler)
        compiler.connection = connection
        compiler.as_sql = lambda *a, **k: (self.sql, params)
        compiler.get_converters = lambda fields: self.converters
        queryset = self.queryset._chain()
        # Only this copy, iterated here and dropped, ever sees the prepared compiler.
        queryset.query.get_compiler = lambda *a, **k: compiler  # type: ignore[method-assign]
        return list(queryset)


class Prepared:
    """`Prepared(lambda site_id: SiteBranding.objects.filter(site_id=site_id)[:1], int)`;
    `.list(3)` is `list(build(3))`, `.first(3)` its first row or None. `kinds` gives each
    positional argument's type (int or str); a list argument (for `__in`) is passed as a list
    or tuple of that type and each length is its own shape."""

    def __init__(self, build: Callable[..., QuerySet[Any]], *kinds: type, using: str = ""):
        self.build = build
        self.kinds = kinds
        self.using = using or DEFAULT_DB_ALIAS
        # connection object -> {lengths: _Compiled}; connections are per thread.
        self._compiled: weakref.WeakKeyDictionary[Any, dict[tuple[int | None, ...], _Compiled]]
        self._compiled = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def list(self, *args: Arg) -> list[Any]:
        if len(args) != len(self.kinds):
            raise TypeError(f"{len(self.kinds)} arguments expected, {len(args)} given")
        lengths = tuple(None if isinstance(a, int | str) else len(a) for a in args)
        if any(length == 0 for length in lengths):
            return list(self.build(*args))  # an empty IN: Django runs no query
        connection = connections[self.using]
        shapes = self._compiled.get(connection)
        compiled = shapes.get(lengths) if shapes is not None else None
        if compiled is None:
            compiled = self._compile(connection, lengths)
        return compiled.run(connection, args)

    def first(self, *args: Arg) -> Any:
        rows = self.list(*args)
        return rows[0] if rows else None

    def _compile_with(self, samples: Sequence[Arg]) -> tuple[QuerySet[Any], str, tuple, Any]:
        queryset = self.build(*samples).using(self.using)
        compiler = queryset.query.get_compiler(using=self.using)
        sql, params = compiler.as_sql()
        return queryset, sql, tuple(params), compiler

    def _compile(self, connection: Any, lengths: tuple[int | None, ...]) -> _Compiled:
        base = [
            _sample(kind, i, 0, n)
            for i, (kind, n) in enumerate(zip(self.kinds, lengths, strict=True))
        ]
        queryset, sql, params, compiler = self._compile_with(base)
        compiled = _Compiled(queryset, sql, params, compiler)
        claimed: set[int] = set()
        for index, (kind, length) in enumerate(zip(self.kinds, lengths, strict=True)):
            other = _sample(kind, index, 1, length)
            samples = [*base[:index], other, *base[index + 1 :]]
            _, sql_b, params_b, _ = self._compile_with(samples)
            if sql_b != sql or len(params_b) != len(params):
                raise ImproperlyConfigured(f"argument {index} changes the SQL text: {sql}")
            before = [base[index]] if length is None else list(base[index])  # type: ignore[arg-type]
            after = [other] if length is None else list(other)  # type: ignore[arg-type]
            found = set()
            for position, (value_a, value_b) in enumerate(zip(params, params_b, strict=True)):
                if value_a == value_b:
                    continue
                if value_a not in before or before.index(value_a) != after.index(value_b):
                    raise ImproperlyConfigured(
                        f"argument {index} reaches the SQL parameters converted: {value_a!r}"
                    )
                item = before.index(value_a)
                compiled.slots.append((position, index, None if length is None else item))
                claimed.add(position)
                found.add(item)
            if len(found) != len(before):
                raise ImproperlyConfigured(f"argument {index} is not a parameter of {sql}")
        with self._lock:
            self._compiled.setdefault(connection, {})[lengths] = compiled
        return compiled
