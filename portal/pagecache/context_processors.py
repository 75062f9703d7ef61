"""`cache_generation` and `fragment_cache_seconds` for `{% cache %}` fragments that must follow
the page cache's purges (memo.py): `{% cache fragment_cache_seconds "name" cache_generation %}`;
`cache_site` for fragments with page links, which are relative on their own site only;
`cache_day`, today's date in Vietnam (2026-12-03), for fragments kept per day."""

import secrets

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from . import generation, memo


def _token() -> str:
    # No readable generation: a value nobody else gets, so nothing stale can be served.
    return generation.current() or f"none-{secrets.token_hex(8)}"


def page_cache(request: HttpRequest) -> dict[str, object]:
    return {
        "cache_generation": SimpleLazyObject(_token),
        "fragment_cache_seconds": settings.PAGE_CACHE_TIMEOUT if memo.enabled() else 0,
        # The request's site is remembered (portal.middleware.RememberedSiteMiddleware).
        "cache_site": SimpleLazyObject(lambda: getattr(Site.find_for_request(request), "pk", "")),
        # What `{% now "Y-m-d" %}` writes, without the date formatting (~40 µs a render).
        "cache_day": SimpleLazyObject(lambda: timezone.localdate().isoformat()),
    }
