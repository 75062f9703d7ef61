"""PageCacheMiddleware: whole responses for anonymous readers, served without the database.

Placed right after WhiteNoise in MIDDLEWARE: a hit returns before sessions, authentication, CSRF,
CSP and the view run (so no query), and a miss stores the response exactly as those inner layers
finished it (their headers included). SecurityMiddleware, outside, adds its headers to both.

What is stored, what is never stored and how it is purged: docs/performance.md.

Two per-visitor values can be inside an otherwise shared page; neither is ever shared:
- the CSP nonce. The stored copy has a marker instead of the nonce, in the body and in the
  Content-Security-Policy header alike; every hit gets a fresh nonce in both.
- the CSRF token of a form (a campaign page's sign-up block). The stored copy has a hole instead
  of `{% csrf_token %}`'s input; every hit runs Django's own CsrfViewMiddleware around
  `django.middleware.csrf.get_token()` (public API only) to fill it with a token for that
  visitor's own CSRF cookie, setting the cookie when needed. If the secret or anything shaped like
  a masked token shows up anywhere else in the page the response is not stored. Such pages leave
  us marked `Cache-Control: private`, so a CDN never shares them either.
"""

import hashlib
import re
from collections.abc import Callable
from typing import TypedDict
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.csp import generate_nonce
from django.utils.http import http_date, parse_http_date_safe

from portal.middleware import public_language

from . import generation, holes

STATUS_HEADER = "X-Page-Cache"
NONCE_MARK = "__PAGECACHE_NONCE__"
CSRF_INPUT_RE = re.compile(
    rb'<input type="hidden" name="csrfmiddlewaretoken" value="[A-Za-z0-9]{64}">'
)
CSRF_INPUT_PREFIX = b'<input type="hidden" name="csrfmiddlewaretoken" value="'
CSRF_HOLE = CSRF_INPUT_PREFIX + b'__PAGECACHE_CSRF__">'
MASKED_TOKEN_RE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
PARAM_VALUE_RE = re.compile(r"^[0-9A-Za-z_.-]{1,40}$")
# Responses may vary on these: the key covers the (public) language, and a request with a
# session cookie never reaches the cache.
SAFE_VARY = {"cookie", "accept-language", "accept-encoding"}
NOT_STORED_HEADERS = {"content-length", "set-cookie", "date", STATUS_HEADER.lower()}
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache", "max-age=0")
MESSAGES_COOKIE = "messages"


def _nonce(request: HttpRequest) -> str:
    nonce = getattr(request, "_csp_nonce", None)
    return str(nonce) if nonce else ""  # a LazyNonce is falsy until it was generated


def _without_nonce(request: HttpRequest, body: bytes) -> bytes:
    """The body with this response's CSP nonce replaced by the stored marker."""
    nonce = _nonce(request)
    return body.replace(nonce.encode(), NONCE_MARK.encode()) if nonce else body


class Entry(TypedDict):
    """A stored response: the body with markers instead of the per-visitor values."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes
    nonce: bool
    holes: int  # CSRF token inputs
    fills: list[str]  # names of the other holes (holes.py)
    last_modified: int | None


def _noop(request: HttpRequest) -> HttpResponseBase:  # pragma: no cover - never called
    raise AssertionError("CsrfViewMiddleware's get_response is not used here")


def _cache() -> BaseCache:
    return caches[settings.PAGE_CACHE_ALIAS]


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    # --- request side -------------------------------------------------------------------------

    def _has_private_cookie(self, request: HttpRequest) -> bool:
        cookies = request.COOKIES
        return settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE in cookies

    def _lookup(self, request: HttpRequest) -> tuple[str | None, bool]:
        """(cache key, may store) for a request the cache may answer, or (None, False)."""
        if request.method not in ("GET", "HEAD"):
            return None, False
        path = request.path
        if path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)):
            return None, False
        if self._has_private_cookie(request) or "HTTP_AUTHORIZATION" in request.META:
            return None, False
        params = []
        may_store = True
        ignored = settings.PAGE_CACHE_IGNORED_QUERY_PARAMS
        for name, values in request.GET.lists():
            if name in ignored or name.startswith("utm_"):
                # Click identifiers from shared links: answered from the cache, but a page
                # rendered with one in its URL is never stored for others.
                may_store = False
            elif (
                name in settings.PAGE_CACHE_QUERY_PARAMS
                and len(values) == 1
                and PARAM_VALUE_RE.match(values[0])
            ):
                params.append((name, values[0]))
            else:
                return None, False
        # The generation and the versions of this path's tags (narrow purges), one round trip.
        token = generation.page_token(path)
        if token is None:
            return None, False
        try:
            host = request.get_host()
        except DisallowedHost:
            return None, False
        # Public pages are Vietnamese whatever the browser prefers (PublicLanguageMiddleware):
        # one copy for every Accept-Language, not one per language.
        language = public_language()
        scheme = request.scheme or "http"
        raw = "\n".join((token, scheme, host, language, path, urlencode(sorted(params))))
        return f"pagecache:{hashlib.sha256(raw.encode()).hexdigest()}", may_store

    # --- response side ------------------------------------------------------------------------

    def _classify(self, request: HttpRequest, response: HttpResponseBase) -> str | None:
        """'public' (shared copy), 'csrf' (shared copy with holes: the CSRF token and any
        values the view declared with `holes.mark`) or None (never)."""
        if request.method not in ("GET", "HEAD") or self._has_private_cookie(request):
            return None
        if response.status_code != 200 or response.streaming:
            return None
        declared = holes.declared(response)
        if declared is None:  # a value we would not know how to fill
            return None
        cache_control = response.get("Cache-Control", "").lower().replace(" ", "")
        # A view that declares its per-visitor values marks the response private for browsers
        # and CDNs; only this cache may keep it, because every hit gets fresh values.
        if not declared and any(d in cache_control for d in UNCACHEABLE_DIRECTIVES):
            return None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return None
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        if vary - SAFE_VARY:
            return None
        cookies = set(response.cookies)
        if cookies - {settings.CSRF_COOKIE_NAME}:
            return None
        if cookies or declared:
            return None if settings.CSRF_USE_SESSIONS else "csrf"
        return "public"

    @staticmethod
    def _leaks_csrf(body: bytes, request: HttpRequest, response: HttpResponseBase) -> bool:
        """Whether the page (its token inputs already punched out) may still carry the visitor's
        CSRF secret: the secret itself (the cookie's value), or anything shaped like a masked
        token (64 letters and digits standing alone). Without unmasking candidates (a private
        Django function) any such run counts, which only ever keeps a page out of the cache."""
        name = settings.CSRF_COOKIE_NAME
        cookie = response.cookies.get(name)
        secret = cookie.value if cookie is not None else request.COOKIES.get(name)
        if not secret or secret.encode() in body:
            return True
        return MASKED_TOKEN_RE.search(body) is not None

    def _make_entry(self, request: HttpRequest, response: HttpResponse, kind: str) -> Entry | None:
        body = response.content
        if len(body) > settings.PAGE_CACHE_MAX_BYTES:
            return None
        nonce = _nonce(request)
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in NOT_STORED_HEADERS
        ]
        if nonce:
            body = body.replace(nonce.encode(), NONCE_MARK.encode())
            headers = [(name, value.replace(nonce, NONCE_MARK)) for name, value in headers]
        csrf_holes = 0
        fills: list[str] = []
        if kind == "csrf":
            body, csrf_holes = CSRF_INPUT_RE.subn(CSRF_HOLE, body)
            if (response.cookies or csrf_holes) and (
                not csrf_holes or self._leaks_csrf(body, request, response)
            ):
                return None
            for hole in holes.declared(response) or ():
                body, found = hole.punch(body)
                if not found:
                    return None
                fills.append(hole.name)
        return {
            "status": response.status_code,
            "headers": headers,
            "body": body,
            "nonce": bool(nonce),
            "holes": csrf_holes,
            "fills": fills,
            "last_modified": parse_http_date_safe(response.get("Last-Modified", "")),
        }

    def _mark_public(self, request: HttpRequest, response: HttpResponse) -> None:
        if "Cache-Control" not in response:
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_MAX_AGE,
                s_maxage=settings.PAGE_CACHE_S_MAXAGE,
            )
        if not response.has_header("ETag"):
            # Weak: the bytes differ per response (nonce), the content does not. The digest is
            # taken with the nonce masked, so every render and every hit of one version agree.
            body = _without_nonce(request, response.content)
            digest = hashlib.md5(body, usedforsecurity=False).hexdigest()
            response["ETag"] = f'W/"{digest}"'
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date()

    @staticmethod
    def _mark_private(response: HttpResponseBase) -> None:
        if "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)

    def _serve(self, request: HttpRequest, entry: Entry) -> HttpResponseBase | None:
        """The stored response for this visitor, or None when this process cannot fill it."""
        known = [holes.get(name) for name in entry.get("fills", ())]
        fills = [hole for hole in known if hole is not None]
        if len(fills) < len(known):  # stored by a process that knew a hole this one does not
            return None
        body = entry["body"]
        headers = entry["headers"]
        if entry["nonce"]:
            nonce = generate_nonce()
            body = body.replace(NONCE_MARK.encode(), nonce.encode())
            headers = [(name, value.replace(NONCE_MARK, nonce)) for name, value in headers]
        csrf = None
        if entry["holes"]:
            csrf = CsrfViewMiddleware(_noop)
            csrf.process_request(request)
            token_input = CSRF_INPUT_PREFIX + get_token(request).encode() + b'">'
            body = body.replace(CSRF_HOLE, token_input)
        for hole in fills:
            body = hole.filled(body, request)
        response = HttpResponse(b"" if request.method == "HEAD" else body, status=entry["status"])
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(body))
        response[STATUS_HEADER] = "hit"
        if csrf is not None:
            return csrf.process_response(request, response)
        if fills:
            return response
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=entry["last_modified"],
            response=response,
        )

    # --- the middleware -----------------------------------------------------------------------

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        with generation.for_request():
            return self._respond(request)

    def _respond(self, request: HttpRequest) -> HttpResponseBase:
        if not settings.PAGE_CACHE_ENABLED:
            return self.get_response(request)
        key, may_store = self._lookup(request)
        if key is not None:
            entry = _cache().get(key)
            if entry is not None:
                response = self._serve(request, entry)
                if response is not None:
                    return response

        response = self.get_response(request)

        kind = self._classify(request, response)
        if kind is None or not isinstance(response, HttpResponse):  # (a stream never is stored)
            if response.cookies or self._has_private_cookie(request):
                self._mark_private(response)
            response.setdefault(STATUS_HEADER, "bypass")
            return response
        if kind == "public":
            self._mark_public(request, response)
        else:
            self._mark_private(response)
        if key is not None and may_store and request.method == "GET":
            entry = self._make_entry(request, response, kind)
            if entry is not None:
                _cache().set(key, entry, settings.PAGE_CACHE_TIMEOUT)
                response[STATUS_HEADER] = "miss"
        response.setdefault(STATUS_HEADER, "bypass")
        if kind == "public":
            conditional = get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
            return conditional if conditional is not None else response
        return response
