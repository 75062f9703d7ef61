"""Search (owned by search/; see docs/search.md)."""

import os

from django.core.exceptions import ImproperlyConfigured

from .database import DATABASES

# A search server: Elasticsearch 9 (ELASTICSEARCH_URL) or OpenSearch 2.x/3.x (OPENSEARCH_URL),
# with the database backend behind it when it is down or slow (search/resilient.py).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")
SEARCH_TIMEOUT = float(os.environ.get("SEARCH_TIMEOUT", "2"))
SEARCH_RETRY_SECONDS = float(os.environ.get("SEARCH_RETRY_SECONDS", "30"))
# The PostgreSQL text search configuration created by search/migrations/0001 (unaccent + simple).
SEARCH_PG_CONFIG = "vietnamese_unaccent"
# Functions `(query) -> live, public objects` whose number the query is, pinned first by the
# site search (search/engine.py); the search app itself imports no content app.
SEARCH_NUMBER_PROVIDERS = ["resolutions.numbers.search_hits"]
# Wagtail's database backend, with relevance ordering on SQLite that scales (search/backends.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    WAGTAILSEARCH_BACKENDS["default"].update(
        {"SEARCH_CONFIG": SEARCH_PG_CONFIG, "AUTOCOMPLETE_SEARCH_CONFIG": SEARCH_PG_CONFIG}
    )
if ELASTICSEARCH_URL and OPENSEARCH_URL:
    raise ImproperlyConfigured("Set ELASTICSEARCH_URL or OPENSEARCH_URL, not both.")
if ELASTICSEARCH_URL or OPENSEARCH_URL:
    from search.es_settings import server_backends

    WAGTAILSEARCH_BACKENDS = server_backends(
        "elasticsearch" if ELASTICSEARCH_URL else "opensearch",
        ELASTICSEARCH_URL or OPENSEARCH_URL,
        WAGTAILSEARCH_BACKENDS["default"],
        index_prefix=os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "cdvc_"),
        timeout=SEARCH_TIMEOUT,
    )
