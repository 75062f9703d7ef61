"""gunicorn settings read from the project folder (gunicorn loads ./gunicorn.conf.py by default;
command-line options such as --workers and --bind still apply on top)."""

import gc


def post_worker_init(worker):
    """Once the app is loaded, move everything allocated so far (Django, Wagtail, the URL
    patterns, the compiled templates) out of the garbage collector's reach: it is never garbage,
    and otherwise every full collection walks it again during a request. About 10% more requests
    per second on the article page (docs/performance.md)."""
    gc.collect()
    gc.freeze()
    # Which cache this server purges, for the periodic jobs' check (portal/cache_identity.py).
    # Only the real server records it (not runserver): a development server must not make the
    # production settings' checks warn.
    from portal import cache_identity

    cache_identity.record()


# The longest request line gunicorn accepts (its maximum; the default is 4094 bytes). A search
# box holds at most 200 characters (search.text.MAX_QUERY_LENGTH; `maxlength` on every box): a
# Vietnamese word of 200 characters is at most ~1,800 bytes percent-encoded, so a query typed
# or pasted into a box always reaches Django, which cuts it to 200 and says so in Vietnamese.
# Only a hand-made URL over 8 KB still gets gunicorn's bare "414 URI Too Long": the proxy in
# front (nginx) answers that one with its own page.
limit_request_line = 8190

# gunicorn's logger, writing the same access lines without copying every header and environ
# variable into them first (portal/access_log.py).
logger_class = "portal.access_log.Logger"
