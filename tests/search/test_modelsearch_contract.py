"""The search backends (search/sqlite_backend.py, search/postgres_backend.py) subclass modelsearch
internals that have no public, documented extension API: a ranking that scales needs the query
compiler itself. So modelsearch is pinned exactly, and these tests fail as soon as an upgrade
changes the shape of anything the subclasses override or call. When one fails: read the new
modelsearch's version of the method, adapt the subclass, then update the expected shape here.

The behaviour itself (same results and order as upstream, counts, facets) is tested in
test_backends.py and test_ranking.py on the database the suite runs on.
"""

import inspect
import re
from importlib import metadata
from pathlib import Path

import pytest
from django.db import connection

pytestmark = pytest.mark.db_independent  # CI runs it once, in the SQLite phase

ROOT = Path(__file__).resolve().parents[2]


def parameters(function):
    return list(inspect.signature(function).parameters)


def pinned_version(package):
    pattern = re.compile(rf"^{re.escape(package)}==([^\s;\\]+)", re.I | re.M)
    for name in ("requirements.in", "requirements.txt"):
        path = ROOT / name
        if path.exists() and (match := pattern.search(path.read_text())):
            return match.group(1)
    return None


@pytest.mark.parametrize("package", ["modelsearch", "django-filter"])
def test_packages_imported_by_the_portal_are_pinned_and_installed_at_the_pin(package):
    assert pinned_version(package) == metadata.version(package)


def test_the_installed_modelsearch_is_the_one_the_backends_were_checked_against():
    from search.backends import MODELSEARCH_CHECKED

    assert metadata.version("modelsearch") == MODELSEARCH_CHECKED


def test_the_base_classes_keep_the_attributes_the_backends_read():
    from modelsearch.backends.base import BaseSearchQueryCompiler, BaseSearchResults

    assert parameters(BaseSearchQueryCompiler.__init__)[:6] == [
        "self",
        "queryset",
        "query",
        "fields",
        "operator",
        "order_by_relevance",
    ]
    compiler = BaseSearchQueryCompiler.__new__(BaseSearchQueryCompiler)
    compiler.__init__(queryset=None, query="x")
    for name in ("queryset", "query", "fields", "order_by_relevance"):
        assert hasattr(compiler, name), name

    assert parameters(BaseSearchResults.__init__)[:3] == ["self", "backend", "query_compiler"]
    results = BaseSearchResults(backend=None, query_compiler=None)
    for name in ("backend", "query_compiler", "start", "stop", "_score_field"):
        assert hasattr(results, name), name


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="modelsearch's SQLite module imports only on SQLite"
)
def test_sqlite_internals_the_ranked_backend_relies_on():
    from modelsearch.backends.database.sqlite import query, sqlite
    from modelsearch.utils import get_descendants_content_types_pks

    compiler = sqlite.SQLiteSearchQueryCompiler
    assert parameters(compiler.search) == ["self", "config", "start", "stop", "score_field"]
    assert parameters(compiler.get_config) == ["self", "backend"]
    assert parameters(compiler.build_search_query) == ["self", "query", "config"]
    assert parameters(compiler._build_rank_expression) == ["self", "vectors", "config"]
    assert parameters(compiler.get_search_vectors) == ["self"]
    assert compiler.FTS_TABLE_FIELDS == ["title", "body"]
    assert sqlite.SQLiteAutocompleteQueryCompiler.FTS_TABLE_FIELDS == ["autocomplete"]

    results = sqlite.SQLiteSearchResults
    for name in ("_do_search", "_do_count"):
        assert parameters(getattr(results, name)) == ["self"], name
    assert parameters(results.facet) == ["self", "field_name"]

    backend = sqlite.SQLiteSearchBackend
    for name in ("query_compiler_class", "autocomplete_query_compiler_class", "results_class"):
        assert hasattr(backend, name), name
    # The FTS5 table's model and the join the ranked query walks.
    fields = {f.name for f in sqlite.SQLiteFTSIndexEntry._meta.get_fields()}
    assert {"index_entry", "title", "body", "autocomplete"} <= fields
    index_entry = sqlite.SQLiteFTSIndexEntry._meta.get_field("index_entry").related_model
    assert {"content_type", "object_id"} <= {f.name for f in index_entry._meta.get_fields()}

    assert parameters(query.MatchExpression.__init__)[:3] == ["self", "columns", "query"]
    assert parameters(query.normalize) == ["search_query"]
    assert parameters(get_descendants_content_types_pks) == ["model"]


def test_postgresql_internals_the_fast_backend_relies_on():
    from modelsearch.backends.database.postgres import postgres

    compiler = postgres.PostgresSearchQueryCompiler
    assert parameters(compiler.search) == [
        "self",
        "config",
        "start",
        "stop",
        "score_field",
        "backend",
    ]
    assert parameters(compiler.build_tsquery) == ["self", "query", "config"]
    assert parameters(compiler.get_index_vectors) == ["self", "search_query"]
    assert parameters(compiler._build_rank_expression) == ["self", "vectors", "config"]
    assert parameters(compiler._apply_ordering_and_scoring) == [
        "self",
        "queryset",
        "rank_expression",
        "start",
        "stop",
        "score_field",
    ]
    # Exactly (title, its norm) then (body, 1.0): the fast path ranks on the title part alone.
    vectors = compiler.get_index_vectors(compiler.__new__(compiler), None)
    assert [str(vector) for vector, _weight in vectors] == [
        "F(index_entries__title)",
        "F(index_entries__body)",
    ]
    assert hasattr(postgres.PostgresSearchBackend, "query_compiler_class")
    # The join the lexeme column (migration search/0003) is read through.
    from wagtail.search.models import IndexEntry

    assert {"title", "title_norm", "body"} <= {f.name for f in IndexEntry._meta.get_fields()}
