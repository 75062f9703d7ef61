"""Per-visitor values inside an otherwise shared page ("holes").

An app registers a hole: a pattern that finds the per-visitor value in a rendered page (its
first group is the value) and a function that makes a fresh value for a request. A view that
renders such a value marks its response with `mark(response, name, ...)`. The page cache then
stores the page with a marker in place of each value and fills every hit with a fresh one, so
no visitor ever gets another visitor's value (the response stays `Cache-Control: private` for
browsers and CDNs). A marked page where a declared value cannot be found is not stored.

The registry and webforms apps register their forms' tokens (campaigns/registry/apps.py,
webforms/apps.py), each found by `hidden_input(name)`.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import patch_cache_control

ATTRIBUTE = "page_cache_holes"


@dataclass(frozen=True)
class Hole:
    name: str
    pattern: re.Pattern[bytes]
    fill: Callable[[HttpRequest], object]

    @property
    def marker(self) -> bytes:
        return f"__PAGECACHE_HOLE_{self.name}__".encode()

    def punch(self, body: bytes) -> tuple[bytes, int]:
        """The body with a marker instead of each value, and how many were found."""
        return self.pattern.subn(
            lambda match: (
                match.string[match.start() : match.start(1)]
                + self.marker
                + match.string[match.end(1) : match.end()]
            ),
            body,
        )

    def filled(self, body: bytes, request: HttpRequest) -> bytes:
        return body.replace(self.marker, str(self.fill(request)).encode())


_registry: dict[str, Hole] = {}


def register(
    name: str, pattern: bytes | re.Pattern[bytes], fill: Callable[[HttpRequest], object]
) -> None:
    """`pattern`: bytes regex whose group 1 is the value; `fill(request)`: a fresh value (text
    safe inside an HTML attribute)."""
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        raise ValueError(f"Hole names are letters, digits and _: {name!r}")
    compiled = re.compile(pattern) if isinstance(pattern, bytes) else pattern
    if compiled.groups < 1:
        raise ValueError("The pattern needs a group for the value.")
    _registry[name] = Hole(name, compiled, fill)


def hidden_input(name: str) -> bytes:
    """The pattern of a form's hidden input `name` as Django renders it, its value (a signed
    token: letters, digits and `_:.-`) as group 1."""
    return b'<input type="hidden" name="%s" value="([A-Za-z0-9_:.-]+)"' % re.escape(name).encode()


def get(name: str) -> Hole | None:
    return _registry.get(name)


def mark[R: HttpResponseBase](response: R, *names: str) -> R:
    """Declare the per-visitor values this response carries (see the module docstring)."""
    setattr(response, ATTRIBUTE, tuple(getattr(response, ATTRIBUTE, ())) + names)
    return response


def declared(response: HttpResponseBase) -> list[Hole] | None:
    """The registered holes a response declares, or None if it declares an unknown one."""
    names = getattr(response, ATTRIBUTE, ())
    found = [_registry.get(name) for name in names]
    holes = [hole for hole in found if hole is not None]
    return holes if len(holes) == len(found) else None


def mark_form_page[R: HttpResponseBase](
    request: HttpRequest, response: R, started_hole: str, *, blank: bool
) -> R:
    """Once `response` is rendered: a page that carries this visitor's CSRF token is kept out of
    browsers' and CDNs' caches, and a `blank` form (shown on a plain GET) declares its per-visitor
    values, the token and the signed start time `started_hole`, so the page cache can keep the
    page and fill them for each visitor."""

    def _mark(rendered: R) -> R:
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or (
            b"csrfmiddlewaretoken" in getattr(rendered, "content", b"")
        ):
            patch_cache_control(rendered, private=True, no_store=True)
            if blank:
                mark(rendered, started_hole)
        return rendered

    if hasattr(response, "add_post_render_callback") and not getattr(response, "is_rendered", True):
        response.add_post_render_callback(_mark)
    else:
        _mark(response)
    return response
