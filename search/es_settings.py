"""Elasticsearch backend settings; portal/settings/base.py uses them when ELASTICSEARCH_URL is set.

Plain data, no Django imports: settings modules import it. See docs/search.md.
"""

# The Wagtail backend matching the pinned `elasticsearch` 9.x client (it talks only to ES 9).
ELASTICSEARCH_BACKEND = "wagtail.search.backends.elasticsearch9"

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


def elasticsearch_backend(url, index_prefix="cdvc_", timeout=10):
    """The WAGTAILSEARCH_BACKENDS entry for an Elasticsearch 9 server at `url`."""
    return {
        "BACKEND": ELASTICSEARCH_BACKEND,
        "URLS": [url],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": timeout,
        "INDEX_SETTINGS": INDEX_SETTINGS,
    }
