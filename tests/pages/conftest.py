from tests.users import editor, editor_client  # noqa: F401


def count_queries(client, url):
    """How many queries one anonymous GET of `url` makes, with nothing remembered in the cache
    (a render after a purge)."""
    from django.core.cache import cache
    from django.db import connection

    cache.clear()
    calls = []

    def counter(execute, sql, params, many, context):
        calls.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        assert client.get(url).status_code == 200
    cache.clear()
    return len(calls)
