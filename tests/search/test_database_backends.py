"""The database search backends (search.backends): SQLite and PostgreSQL return what modelsearch's
own database backend returns, faster; PostgreSQL folds Vietnamese and matches on its stored
lexeme column. (Elasticsearch and OpenSearch: test_backends.py.)"""

import pytest
from django.conf import settings
from django.db import connection
from modelsearch.query import Not, Or, Phrase, PlainText
from wagtail.models import Page


@pytest.mark.django_db
def test_postgresql_configuration_folds_vietnamese():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: run with DATABASE_URL=postgres://…")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('vietnamese_unaccent', %s)::text, "
            "to_tsvector('vietnamese_unaccent', %s) @@ to_tsquery('vietnamese_unaccent', %s)",
            ["Công Đoàn Viên chức Việt Nam – Đại hội XIII", "Đào tạo", "dao & tao"],
        )
        vector, matches = cursor.fetchone()
    assert "'cong'" in vector and "'doan'" in vector and "'dai'" in vector and "'xiii'" in vector
    assert matches is True


@pytest.mark.django_db
def test_database_backend_orders_like_upstream_and_respects_the_queryset(add_page):
    """search.backends returns what modelsearch's own backend returns (same hits, same relevance
    order, same counts): on SQLite without its per-row score subquery, on PostgreSQL without
    concatenating every matching row's vectors."""
    from modelsearch.backends.database import SearchBackend as upstream_backend
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    upstream = upstream_backend(settings.WAGTAILSEARCH_BACKENDS["default"])
    if connection.vendor == "postgresql":
        from search.postgres_backend import FastPostgresSearchBackend

        assert isinstance(backend, FastPostgresSearchBackend)
        assert type(upstream).__name__ == "PostgresSearchBackend"
    elif connection.vendor == "sqlite":
        from search.sqlite_backend import RankedSQLiteSearchBackend

        assert isinstance(backend, RankedSQLiteSearchBackend)
        assert type(upstream).__name__ == "SQLiteSearchBackend"
    else:
        pytest.skip("SQLite or PostgreSQL only")
    for i in range(12):
        add_page(f"Hội thảo {'khoa học ' * (i % 4)}số {i}")
    add_page("Hội thảo bản nháp", live=False)
    queries = ["hội thảo", Or([PlainText("hội thảo"), PlainText("khoa học")])]
    if connection.vendor == "postgresql":
        queries.append(Not(PlainText("hội thảo")))
    for query in queries:
        ours = backend.search(query, Page.objects.live())
        theirs = upstream.search(query, Page.objects.live())
        assert [p.pk for p in ours] == [p.pk for p in theirs]
        assert [p.pk for p in ours[3:7]] == [p.pk for p in theirs[3:7]]
        assert ours.count() == theirs.count() == len(list(ours))
        assert "Hội thảo bản nháp" not in [p.title for p in ours]
    scored = list(backend.search("hội thảo", Page.objects.live()).annotate_score("_score"))
    assert all(isinstance(page._score, float) for page in scored)
    assert backend.search("hội thảo", Page.objects.live()).facet("content_type_id")


@pytest.mark.django_db
def test_a_word_in_the_title_and_another_only_in_the_body_is_found(add_article):
    """PostgreSQL matches title, body, then (rarely needed) their concatenation: one word of the
    query in the title and the other only in the text must still find the article."""
    from modelsearch.backends.database import SearchBackend as upstream_backend
    from wagtail.search.backends import get_search_backend

    add_article("Tọa đàm số 99", lead="Lục bình.")
    query = PlainText("tọa đàm lục bình", operator="and")
    found = [p.title for p in get_search_backend().search(query, Page.objects.live())]
    assert found == ["Tọa đàm số 99"]
    upstream = upstream_backend(settings.WAGTAILSEARCH_BACKENDS["default"])
    assert found == [p.title for p in upstream.search(query, Page.objects.live())]


needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL only: run with DATABASE_URL=postgres://…",
)


@needs_postgresql
@pytest.mark.django_db
def test_postgresql_matches_on_an_indexed_stored_lexeme_column():
    """Migration search/0003: a generated column PostgreSQL fills itself, with a GIN index; the
    expression index of search/0002 is gone (the backend no longer matches that expression)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generation_expression FROM information_schema.columns "
            "WHERE table_name = 'wagtailsearch_indexentry' AND column_name = 'search_lexemes'"
        )
        (expression,) = cursor.fetchone()
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename = 'wagtailsearch_indexentry'"
        )
        indexes = dict(cursor.fetchall())
    assert "strip" in expression and "title || body" in expression
    assert "gin (search_lexemes)" in indexes["search_indexentry_lexemes_gin"].lower()
    assert "search_indexentry_title_body_gin" not in indexes


@needs_postgresql
@pytest.mark.django_db
def test_postgresql_fills_the_lexemes_of_a_new_and_an_edited_page(add_page):
    from wagtail.search.backends import get_search_backend

    page = add_page("Hội thao bóng bàn công nhân")
    backend = get_search_backend()

    def lexemes():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT search_lexemes::text FROM wagtailsearch_indexentry WHERE object_id = %s",
                [str(page.pk)],
            )
            return cursor.fetchone()[0]

    assert "'bong'" in lexemes() and "'ban'" in lexemes() and ":" not in lexemes()  # no positions
    assert [p.pk for p in backend.search("bong ban", Page.objects.live())] == [page.pk]
    page.title = "Hội thao cờ vua công nhân"
    page.save_revision().publish()
    assert "'vua'" in lexemes() and "'ban'" not in lexemes()
    assert [p.pk for p in backend.search("co vua", Page.objects.live())] == [page.pk]
    assert list(backend.search("bong ban", Page.objects.live())) == []


@needs_postgresql
@pytest.mark.django_db
def test_postgresql_phrase_matches_like_upstream(add_page):
    """A phrase cannot be matched on stripped lexemes: they only narrow the rows, the phrase is
    checked on the full vectors."""
    from modelsearch.backends.database import SearchBackend as upstream_backend
    from wagtail.search.backends import get_search_backend

    add_page("Bóng bàn công nhân")
    add_page("Bàn về bóng đá")  # both words, not side by side
    backend = get_search_backend()
    upstream = upstream_backend(settings.WAGTAILSEARCH_BACKENDS["default"])
    query = Phrase("bong ban")
    ours = [p.title for p in backend.search(query, Page.objects.live())]
    assert ours == ["Bóng bàn công nhân"]
    assert ours == [p.title for p in upstream.search(query, Page.objects.live())]


@needs_postgresql
@pytest.mark.django_db
def test_postgresql_can_find_a_candidates_index_entry_in_one_index_descent():
    """Migration search/0009: a page's index entry is joined through the generic relation
    (`content_type_id IN (<every page type>) AND object_id = page.id`). On the unique
    (content_type_id, object_id) index that is one descent per page type for every candidate,
    ~60 buffers each (34 ms for the 1,000 candidates at 100,000 articles); an index led by
    `object_id` finds it in one (the plan itself is PostgreSQL's choice, measured by the bench at
    that size: on this test's few rows it rightly prefers others)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry' "
            "AND indexname = 'search_indexentry_object_id'"
        )
        (definition,) = cursor.fetchone()
    assert definition.lower().endswith("using btree (object_id)")
