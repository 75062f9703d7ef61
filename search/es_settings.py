"""Search server settings (Elasticsearch 9 or OpenSearch); portal/settings/search.py uses them when
ELASTICSEARCH_URL or OPENSEARCH_URL is set.

Plain data, no Django imports: settings modules import it. See docs/search.md.
"""

# The Wagtail backend matching the pinned `elasticsearch` 9.x client (it talks only to ES 9).
ELASTICSEARCH_BACKEND = "wagtail.search.backends.elasticsearch9"
# OpenSearch 2.x/3.x servers: Wagtail's `opensearch3` backend with the pinned opensearch-py 3.x
# (the `opensearch2` backend fails on every index call with opensearch-py 3.x).
OPENSEARCH_BACKEND = "wagtail.search.backends.opensearch3"

# `đ`/`Đ` have no Unicode decomposition; asciifolding happens to fold them, the char filter makes
# it explicit for the analyzers that must never keep the accented form (autocomplete n-grams).
VIETNAMESE_D_CHAR_FILTER = {"type": "mapping", "mappings": ["đ => d", "Đ => D"]}

# Keep the accented token *and* add the folded one: "đào" indexes as đào + dao, so `dao` finds it
# and `đào` (which also analyses to đào + dao) scores the exact spelling higher.
VIETNAMESE_FOLDING_FILTER = {"type": "asciifolding", "preserve_original": True}

INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "char_filter": {"vietnamese_d": VIETNAMESE_D_CHAR_FILTER},
            "filter": {"vietnamese_folding": VIETNAMESE_FOLDING_FILTER},
            "analyzer": {
                # Every text field without an explicit analyzer (all of Wagtail's SearchFields
                # and _all_text) uses `default`, at index and at query time.
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "vietnamese_folding"],
                },
                # Fully folded, for fields that want no accents at all.
                "vietnamese_folded": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["vietnamese_d"],
                    "filter": ["lowercase", "asciifolding"],
                },
                # Wagtail's autocomplete analyzers, redefined with the đ mapping.
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["vietnamese_d"],
                    "filter": ["asciifolding", "lowercase", "edgengram"],
                },
                "ngram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["vietnamese_d"],
                    "filter": ["asciifolding", "lowercase", "ngram"],
                },
            },
        }
    }
}


def _client_options():
    # One try, no retry on timeout: a server that does not answer costs one timeout, after which
    # search/resilient.py searches the database.
    return {"max_retries": 0, "retry_on_timeout": False}


def elasticsearch_backend(url, index_prefix="cdvc_", timeout=10):
    """The WAGTAILSEARCH_BACKENDS entry for an Elasticsearch 9 server at `url`."""
    return {
        "BACKEND": ELASTICSEARCH_BACKEND,
        "URLS": [url],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": timeout,
        "INDEX_SETTINGS": INDEX_SETTINGS,
        "OPTIONS": _client_options(),
    }


def opensearch_backend(url, index_prefix="cdvc_", timeout=10):
    """The WAGTAILSEARCH_BACKENDS entry for an OpenSearch (2.x or 3.x) server at `url`: the same
    Vietnamese analyzers (OpenSearch has the same `asciifolding`, `mapping` and n-gram filters)."""
    return {
        "BACKEND": OPENSEARCH_BACKEND,
        "URLS": [url],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": timeout,
        "INDEX_SETTINGS": INDEX_SETTINGS,
        "OPTIONS": _client_options(),
    }


def server_backends(kind, url, database_backend, index_prefix="cdvc_", timeout=2):
    """WAGTAILSEARCH_BACKENDS with a search server: `default` is the server behind
    search/resilient.py, `database` the database backend it falls back to (kept current on every
    save, like the server)."""
    build = {"elasticsearch": elasticsearch_backend, "opensearch": opensearch_backend}[kind]
    server = build(url, index_prefix=index_prefix, timeout=timeout)
    return {
        "default": {
            **server,
            "BACKEND": "search.resilient",
            "SERVER_BACKEND": server["BACKEND"],
            "FALLBACK": "database",
        },
        "database": dict(database_backend),
    }
