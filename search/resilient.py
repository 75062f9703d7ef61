"""Search that survives its server (docs/search.md, "When the search server is down").

With ELASTICSEARCH_URL or OPENSEARCH_URL set, the `default` search backend is this one: it
delegates to the server's backend (Elasticsearch 9 or OpenSearch 3), and falls back to the
database backend (`database`, kept current on every save like any auto-updated backend) when the
server cannot answer:

* **Reading.** `search()` and `autocomplete()` results are lazy: the server is only asked when a
  view counts or slices them, deep inside the page's rendering. The views are wrapped in
  `database_fallback`: if the server fails (refused, timed out after SEARCH_TIMEOUT seconds, an
  HTTP error), the view runs again on the database backend and the reader gets results from it,
  with nothing alarming on the page. After a failure this process does not ask the server again
  for SEARCH_RETRY_SECONDS: meanwhile every search goes straight to the database, so only one
  request per process and per pause pays the timeout. One WARNING per outage, one when it is over.
* **Writing.** `add()`, `add_bulk()` and `delete()` that fail (or are not tried while the server
  is known to be down) are recorded in `search.PendingIndexUpdate`, one row per object, and
  replayed by `manage.py replay_search_updates` (a systemd timer, deploy/). Nothing is lost: a
  row is deleted only when the server has taken the update.

Everything else (update_index, index settings, mappings) goes to the server's backend unchanged.
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from modelsearch.backends import get_search_backend, import_backend

from portal.outage import Outage

_use_database = ContextVar("search_use_database", default=False)


def server_errors():
    """The exceptions that mean "the search server cannot answer", for the installed clients."""
    errors = [ConnectionError, TimeoutError]
    try:
        import elastic_transport
        import elasticsearch

        errors += [elastic_transport.TransportError, elasticsearch.ApiError]
    except ImportError:  # pragma: no cover - elasticsearch is a pinned requirement
        pass
    try:
        from opensearchpy.exceptions import OpenSearchException

        errors.append(OpenSearchException)
    except ImportError:  # pragma: no cover - opensearch-py is a pinned requirement
        pass
    return tuple(errors)


outage = Outage(
    "search.resilient",
    "SEARCH_RETRY_SECONDS",
    30,
    "Search server unavailable (%s: %s); searching the database, next try in %g s",
    "Search server answers again after %.1f s",
)


def server_configured():
    backend = getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).get("default", {})
    return backend.get("BACKEND") == __name__


@contextmanager
def use_database():
    token = _use_database.set(True)
    try:
        yield
    finally:
        _use_database.reset(token)


def database_fallback(view):
    """Run `view`; if the search server fails while it runs, run it again on the database."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if _use_database.get() or not server_configured():
            return view(request, *args, **kwargs)
        if outage.skip_server():
            with use_database():
                return view(request, *args, **kwargs)
        try:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        except server_errors() as error:
            outage.failed(error)
            with use_database():
                return view(request, *args, **kwargs)
        outage.succeeded()
        return response

    return wrapped


@functools.cache
def _noticing(results_class):
    """The server's results class, noting a failure wherever the results are read: a search
    outside the wrapped views (the admin's) then makes this process use the database too."""

    class NoticingResults(results_class):
        def _do_search(self):
            try:
                yield from super()._do_search()
            except server_errors() as error:
                outage.failed(error)
                raise

        def _do_count(self):
            try:
                return super()._do_count()
            except server_errors() as error:
                outage.failed(error)
                raise

        def facet(self, field_name):
            try:
                return super().facet(field_name)
            except server_errors() as error:
                outage.failed(error)
                raise

    NoticingResults.__name__ = f"Noticing{results_class.__name__}"
    return NoticingResults


class ResilientSearchBackend:
    """The search server's backend, with the database backend behind it (see the module doc)."""

    def __init__(self, params):
        params = dict(params)
        self.fallback_alias = params.pop("FALLBACK", "database")
        server_backend = params.pop("SERVER_BACKEND")
        params.pop("BACKEND", None)
        self.server = import_backend(server_backend)(params)
        if self.server.results_class is not None:
            self.server.results_class = _noticing(self.server.results_class)

    @property
    def database(self):
        return get_search_backend(self.fallback_alias)

    def _reader(self):
        if _use_database.get() or outage.skip_server():
            return self.database
        return self.server

    @property
    def answering(self):
        """Which backend searches now: "server" or "database"."""
        return "database" if self._reader() is not self.server else "server"

    def search(self, *args, **kwargs):
        return self._reader().search(*args, **kwargs)

    def autocomplete(self, *args, **kwargs):
        return self._reader().autocomplete(*args, **kwargs)

    # --- Index updates: never lost --------------------------------------------------------

    def _write(self, action, objects, call):
        from .models import PendingIndexUpdate

        if not outage.skip_server():
            try:
                call()
            except server_errors() as error:
                outage.failed(error)
            else:
                outage.succeeded()
                return
        PendingIndexUpdate.record(action, objects)

    def add(self, obj):
        self._write("add", [obj], lambda: self.server.add(obj))

    def add_bulk(self, model, obj_list):
        obj_list = list(obj_list)
        self._write("add", obj_list, lambda: self.server.add_bulk(model, obj_list))

    def delete(self, obj):
        self._write("delete", [obj], lambda: self.server.delete(obj))

    def __getattr__(self, name):
        # update_index, index settings, mappings, query compilers: the server's own.
        return getattr(self.server, name)


SearchBackend = ResilientSearchBackend
