"""Search backend configuration: Elasticsearch and OpenSearch (the database backends:
test_database_backends.py).

There is no Elasticsearch server in CI: the configuration tests build the backend with a dummy
URL (the client connects lazily) and check its index settings, mappings and compiled queries.
The live tests run only when ELASTICSEARCH_URL points at a real ES 9 server, or OPENSEARCH_URL at
an OpenSearch 2.x/3.x server.
"""

import json
import os
from collections.abc import Callable
from typing import NamedTuple

import pytest
from django.conf import settings
from django.db import connection
from modelsearch.query import Or, PlainText
from wagtail.models import Page

from search.es_settings import (
    ELASTICSEARCH_BACKEND,
    OPENSEARCH_BACKEND,
    elasticsearch_backend,
    opensearch_backend,
)
from tests.processes import run_python

ES_URL = os.environ.get("ELASTICSEARCH_URL", "")
OS_URL = os.environ.get("OPENSEARCH_URL", "")


def server_backend(configure, url="http://search.invalid:9200"):
    """The backend exactly as settings would build it from `configure(url)` (one of
    search.es_settings' entries); nothing connects yet."""
    from wagtail.search.backends import get_search_backend

    params = dict(configure(url, index_prefix="test_cdvc_"))
    return get_search_backend(params.pop("BACKEND"), **params)


# Each server kind's settings entry, for the tests that hold for both.
SERVER_KINDS = [
    pytest.param(elasticsearch_backend, id="elasticsearch"),
    pytest.param(opensearch_backend, id="opensearch"),
]


@pytest.mark.db_independent
def test_default_backend_is_the_database_with_the_folding_configuration():
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    if ES_URL or OS_URL:
        assert backend["BACKEND"] == "search.resilient"
        return
    assert backend["BACKEND"] == "search.backends"
    if connection.vendor == "postgresql":
        assert backend["SEARCH_CONFIG"] == "vietnamese_unaccent"
        assert backend["AUTOCOMPLETE_SEARCH_CONFIG"] == "vietnamese_unaccent"
    else:
        assert "SEARCH_CONFIG" not in backend


@pytest.mark.db_independent
def test_settings_pick_elasticsearch_9_only_when_the_url_is_set():
    """Load the settings in a fresh interpreter with and without ELASTICSEARCH_URL."""
    code = (
        "import json; from django.conf import settings;"
        "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS['default'], default=str))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    for name in ("ELASTICSEARCH_URL", "OPENSEARCH_URL", "SEARCH_TIMEOUT", "DATABASE_URL"):
        env.pop(name, None)
    plain = json.loads(run_python(code, env, check=True).stdout)
    assert plain == {"BACKEND": "search.backends"}

    env["ELASTICSEARCH_URL"] = "https://user:secret@search.example.org:9243"
    env["ELASTICSEARCH_INDEX_PREFIX"] = "cdvc_prod_"
    es = json.loads(run_python(code, env, check=True).stdout)
    # The server's backend behind the database fallback (search/resilient.py).
    assert es["BACKEND"] == "search.resilient"
    assert es["SERVER_BACKEND"] == "wagtail.search.backends.elasticsearch9"
    assert es["FALLBACK"] == "database"
    assert es["URLS"] == ["https://user:secret@search.example.org:9243"]
    assert es["INDEX_PREFIX"] == "cdvc_prod_"
    assert es["TIMEOUT"] == 2.0
    assert es["OPTIONS"] == {"max_retries": 0, "retry_on_timeout": False}

    env["OPENSEARCH_URL"] = "https://search.example.org:9200"
    both = run_python(code, env)
    assert both.returncode != 0 and "not both" in both.stderr

    env.pop("ELASTICSEARCH_URL")
    env["SEARCH_TIMEOUT"] = "1.5"
    os_ = json.loads(run_python(code, env, check=True).stdout)
    assert os_["BACKEND"] == "search.resilient"
    assert os_["SERVER_BACKEND"] == "wagtail.search.backends.opensearch3"
    assert os_["URLS"] == ["https://search.example.org:9200"]
    assert os_["TIMEOUT"] == 1.5
    env.pop("OPENSEARCH_URL")
    env["DATABASE_URL"] = "postgres://u@db.invalid:5432/x"
    pg = json.loads(run_python(code, env, check=True).stdout)
    assert pg["SEARCH_CONFIG"] == pg["AUTOCOMPLETE_SEARCH_CONFIG"] == "vietnamese_unaccent"


@pytest.mark.db_independent
@pytest.mark.parametrize(
    "client, major, backend, wagtail_module",
    [
        pytest.param(
            "elasticsearch", "9", ELASTICSEARCH_BACKEND, "elasticsearch9", id="elasticsearch"
        ),
        pytest.param("opensearchpy", "3", OPENSEARCH_BACKEND, "opensearch3", id="opensearch"),
    ],
)
def test_client_matches_the_backend_major_version(client, major, backend, wagtail_module):
    from importlib import import_module

    assert import_module(client).__versionstr__.split(".")[0] == major
    assert backend.endswith(wagtail_module)


@pytest.mark.db_independent
def test_elasticsearch_index_settings_fold_vietnamese():
    backend = server_backend(elasticsearch_backend)
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["char_filter"]["vietnamese_d"] == {
        "type": "mapping",
        "mappings": ["đ => d", "Đ => D"],
    }
    assert analysis["filter"]["vietnamese_folding"] == {
        "type": "asciifolding",
        "preserve_original": True,
    }
    default = analysis["analyzer"]["default"]
    assert default["tokenizer"] == "standard"
    assert default["filter"] == ["lowercase", "vietnamese_folding"]
    for name in ("edgengram_analyzer", "ngram_analyzer", "vietnamese_folded"):
        assert analysis["analyzer"][name]["char_filter"] == ["vietnamese_d"]
        assert "asciifolding" in analysis["analyzer"][name]["filter"]
    # Wagtail's own settings survive the merge (n-gram filters, max_ngram_diff).
    assert analysis["filter"]["edgengram"]["type"] == "edge_ngram"
    assert backend.settings["settings"]["index"]["max_ngram_diff"] == 12
    assert backend.index_prefix == "test_cdvc_"
    assert backend.get_index_for_model(Page).name == "test_cdvc_wagtailcore_page"


@pytest.mark.django_db
@pytest.mark.parametrize("configure", SERVER_KINDS)
def test_mapping_and_queries_for_articles(configure):
    from news.models import NewsArticlePage

    backend = server_backend(configure)
    mapping = backend.mapping_class(NewsArticlePage).get_mapping()
    properties = mapping["properties"]
    # Text fields use the index's `default` (folding) analyzer: no per-field analyzer is set.
    assert properties["title"]["type"] == "text"
    assert "analyzer" not in properties["title"]
    assert properties["news_newsarticlepage__get_folded_body"]["type"] == "text"

    query = Or([PlainText("cong doan"), PlainText("công đoàn")])
    compiled = backend.query_compiler_class(NewsArticlePage.objects.live(), query).get_query()
    text = json.dumps(compiled, ensure_ascii=False)
    assert "công đoàn" in text and "cong doan" in text
    assert '"live_filter": true' in text
    auto = backend.autocomplete_query_compiler_class(
        NewsArticlePage.objects.live(), PlainText("cong do")
    ).get_query()
    assert auto["bool"]["must"]["match"]["_edgengrams"]["query"] == "cong do"


@pytest.mark.db_independent
def test_opensearch_index_settings_and_mapping_are_the_elasticsearch_ones():
    from news.models import NewsArticlePage

    backend, es = server_backend(opensearch_backend), server_backend(elasticsearch_backend)
    assert backend.settings["settings"]["analysis"] == es.settings["settings"]["analysis"]
    assert backend.settings["settings"]["index"]["max_ngram_diff"] == 12
    assert backend.get_index_for_model(Page).name == "test_cdvc_wagtailcore_page"
    mapping = backend.mapping_class(NewsArticlePage).get_mapping()
    assert mapping == es.mapping_class(NewsArticlePage).get_mapping()


@pytest.mark.django_db
@pytest.mark.parametrize("configure", SERVER_KINDS)
def test_index_calls_reach_the_network_with_the_pinned_clients(configure, home_page):
    """opensearch2 with opensearch-py 3.x failed every index call with a TypeError before any
    request; the chosen backends get as far as the (closed) port."""
    import socket

    from search.resilient import server_errors

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed once the block ends
    backend = server_backend(configure, f"http://127.0.0.1:{port}")
    index = backend.get_index_for_model(Page)
    with pytest.raises(server_errors()):
        index.add_item(home_page)
    with pytest.raises(server_errors()):
        index.delete_item(home_page)


# --- Live servers (only with ELASTICSEARCH_URL or OPENSEARCH_URL) -----------------------------


def needs(url, variable, server):
    return pytest.mark.skipif(
        not url,
        reason=f"{variable} is not set: no {server} server to test against "
        "(see docs/search.md to run one)",
    )


def analyze_with_keywords(client, index_name, **request):
    return client.indices.analyze(index=index_name, **request)  # Elasticsearch 9's client


def analyze_with_body(client, index_name, **request):
    return client.indices.analyze(index=index_name, body=request)  # OpenSearch's client


class LiveServer(NamedTuple):
    configure: Callable  # the settings' backend entry for a URL (search.es_settings)
    url: str
    analyze: Callable


LIVE_SERVERS = [
    pytest.param(
        LiveServer(elasticsearch_backend, ES_URL, analyze_with_keywords),
        marks=needs(ES_URL, "ELASTICSEARCH_URL", "Elasticsearch 9"),
        id="elasticsearch",
    ),
    pytest.param(
        LiveServer(opensearch_backend, OS_URL, analyze_with_body),
        marks=needs(OS_URL, "OPENSEARCH_URL", "OpenSearch"),
        id="opensearch",
    ),
]


@pytest.mark.parametrize("server", LIVE_SERVERS)
@pytest.mark.django_db
def test_live_analyzer_folds_vietnamese(server):
    backend = server_backend(server.configure, server.url)
    index = backend.get_index_for_model(Page)
    index.put()
    try:
        analyzed = server.analyze(backend.es, index.name, analyzer="default", text="Công Đoàn đào")
        terms = {t["token"] for t in analyzed["tokens"]}
        assert {"công", "cong", "đoàn", "doan", "đào", "dao"} <= terms
    finally:
        index.delete()


@pytest.mark.parametrize("server", LIVE_SERVERS)
@pytest.mark.django_db(transaction=True)
def test_live_server_finds_unaccented_queries(settings, add_page, server):
    from django.core.management import call_command

    from tests.databases import ensure_root_site

    ensure_root_site()
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": server.configure(server.url, index_prefix="test_cdvc_live_")
    }
    add_page("Công đoàn Viên chức Việt Nam tổ chức Đại hội XIII")
    call_command("update_index", stdout=open("/dev/null", "w"))
    backend = server_backend(server.configure, server.url)
    backend.index_prefix = "test_cdvc_live_"
    try:
        for query in ("cong doan", "CÔNG ĐOÀN", "dai hoi xiii"):
            found = list(backend.search(query, Page.objects.live()))
            assert [p.title for p in found] == ["Công đoàn Viên chức Việt Nam tổ chức Đại hội XIII"]
    finally:
        backend.get_index_for_model(Page).delete()
