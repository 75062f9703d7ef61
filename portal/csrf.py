"""The page shown when Django refuses a form for its CSRF token (CSRF_FAILURE_VIEW).

Usually a person, not an attacker: the form stayed open past a cookie change, cookies are off,
or the page came from a cache. So the answer is in Vietnamese and keeps the way back:

* a page that knows how (it has `csrf_failure_response(request)`, e.g. every page showing the
  member sign-up form) answers with the form again, filled with what was typed and a fresh token,
  so sending it once more is one click;
* anything else gets a short page with a link back to where the person came from (the Referer
  when it is this site, else the same address).

Nothing that was typed is logged (Django logs the refusal's reason and path only).
"""

import logging

from django.core.exceptions import DisallowedHost
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme

logger = logging.getLogger(__name__)


def _page_for(request):
    """The Wagtail page at the request's path, or None."""
    from wagtail.models import Site

    try:
        site = Site.find_for_request(request)
    except DisallowedHost:
        return None
    if site is None:
        return None
    components = [part for part in request.path.split("/") if part]
    try:
        result = site.root_page.specific.route(request, components)
    except Http404:
        return None
    return getattr(result, "page", None) or (result[0] if result else None)


def back_url(request):
    """Where "go back" leads: the page the form was on, never another site."""
    referer = request.headers.get("referer", "")
    try:
        host = request.get_host()
    except DisallowedHost:
        host = None
    if (
        referer
        and host
        and url_has_allowed_host_and_scheme(
            referer, allowed_hosts={host}, require_https=request.is_secure()
        )
    ):
        return referer
    return request.path


def csrf_failure(request, reason="", template_name="403_csrf.html"):
    if request.method == "POST" and not request.path.startswith("/admin/"):
        try:
            page = _page_for(request)
        except Exception:  # routing must never turn a 403 into a 500
            logger.exception("CSRF failure page: could not route %s", request.path)
            page = None
        handler = getattr(page, "csrf_failure_response", None)
        if handler is not None:
            response = handler(request)
            if response is not None:
                return response
    response = render(
        request,
        template_name,
        {"back_url": back_url(request), "in_admin": request.path.startswith("/admin/")},
        status=403,
    )
    add_never_cache_headers(response)
    return response
