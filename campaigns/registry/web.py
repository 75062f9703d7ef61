"""The sign-up form on a page: POST → validate → register → 303 back to the same page.

Nothing the person typed goes into the URL, the logs or a cache key. A rejected submission writes
nothing. Every response that shows the form is `Cache-Control: private, no-store` for browsers
and CDNs. The portal's own page cache may still keep a blank form page (a plain GET): it stores
it with holes for the CSRF token and the signed timestamp and fills each hit with fresh ones
(portal/pagecache/holes.py). A form re-shown with errors, or the confirmation, never is.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import SimpleLazyObject

from portal.pagecache import memo

logger = logging.getLogger(__name__)

SIGNUP_DONE_PARAM = "da-dang-ky"
FORM_MARKER = "form-name"
FORM_ATTR = "_campaigns_signup_form"


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def client_ip(request):
    header = getattr(settings, "REGISTRY_CLIENT_IP_HEADER", "")
    value = request.META.get(header, "") if header else ""
    if value:
        # The left-most address of X-Forwarded-For is the client, as told by our own proxy.
        return value.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def rate_limit_key(request):
    """A cache key from a keyed hash of the client's IP: never the IP itself, never the phone."""
    digest = hashlib.sha256(
        (settings.SECRET_KEY + "|signup-rate|" + client_ip(request)).encode()
    ).hexdigest()[:32]
    return f"campaigns:signup-rate:{digest}"


def over_rate_limit(request):
    """Count this POST; True when the client sent more than the limit in the window."""
    limit = int(getattr(settings, "REGISTRY_RATE_LIMIT", 5))
    if limit <= 0:
        return False
    window = int(getattr(settings, "REGISTRY_RATE_WINDOW", 600))
    key = rate_limit_key(request)
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    # None: the cache is unreachable (portal/cache.py). The sign-up is taken rather than
    # refused: docs/operations.md, "When a part fails", says why.
    return count is not None and count > limit


def rate_limited_response(request, page):
    response = TemplateResponse(
        request,
        "registry/signup_rate_limited.html",
        {"page": page, "self": page, "request": request},
        status=429,
    )
    response["Retry-After"] = str(int(getattr(settings, "REGISTRY_RATE_WINDOW", 600)))
    add_never_cache_headers(response)
    return response


def is_signup_post(request):
    from .forms import SignupForm

    return request.POST.get(FORM_MARKER) == SignupForm.form_name


def handle_signup_post(page, request):
    """Returns a response for the sign-up POST, or None to re-render the page with the bound
    form (errors next to the fields, what was typed kept)."""
    from .forms import SignupForm
    from .models import PrivacyNotice
    from .service import register_member

    if not is_signup_post(request):
        return None
    if over_rate_limit(request):
        logger.info("Sign-up rate limit reached on page %s", page.pk)
        return rate_limited_response(request, page)
    form = SignupForm(request.POST)
    done_url = f"{request.path}?{SIGNUP_DONE_PARAM}=1#dang-ky"
    if form.is_valid():
        if form.is_bot:
            # Answer as if accepted (bots learn nothing) and store nothing.
            logger.info("Sign-up honeypot triggered on page %s", page.pk)
            return HttpResponseSeeOther(done_url)
        register_member(
            form.entry_values(),
            typed=form.typed_data(),
            consent_registration=form.cleaned_data["consent_registration"],
            consent_news=form.cleaned_data["consent_news"],
            notice=PrivacyNotice.current(),
            source_page=page,
        )
        return HttpResponseSeeOther(done_url)
    if form.is_bot:
        logger.info("Sign-up honeypot triggered on page %s", page.pk)
        return HttpResponseSeeOther(done_url)
    # Log which rules failed, never the values.
    logger.info("Sign-up rejected on page %s: %s", page.pk, ",".join(sorted(form.errors)))
    form.refresh_token()
    setattr(request, FORM_ATTR, form)
    return None


def signup_context(page, request):
    from .forms import SignupForm
    from .models import PrivacyNotice

    form = getattr(request, FORM_ATTR, None)
    done = request.method == "GET" and request.GET.get(SIGNUP_DONE_PARAM) == "1"
    return {
        "signup_form": form if form is not None else SignupForm(),
        # The blank form's fields are the same for everyone (the per-visitor token and timestamp
        # sit outside them): the template keeps them as a fragment; a form with errors never.
        "signup_fields_seconds": (
            settings.PAGE_CACHE_TIMEOUT if form is None and memo.enabled() else 0
        ),
        "signup_form_name": SignupForm.form_name,
        "signup_done": done,
        "signup_notice": SimpleLazyObject(PrivacyNotice.current),
        "signup_retention_days": getattr(settings, "REGISTRY_RETENTION_DAYS", 730),
        "signup_confirmation": getattr(page, "confirmation", "") if done else "",
    }


def mark_form_response(request, response):
    """Keep a page that renders the form (with this visitor's CSRF token) out of shared caches.

    A blank form shown on a plain GET declares its per-visitor values (the CSRF token, the signed
    timestamp), so the page cache can keep the page and fill them for each visitor."""
    from portal.pagecache import holes

    from .apps import SIGNUP_STARTED_HOLE

    blank = (
        request.method == "GET"
        and not request.GET.get(SIGNUP_DONE_PARAM)
        and getattr(request, FORM_ATTR, None) is None
    )

    def _mark(rendered):
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or (
            b"csrfmiddlewaretoken" in getattr(rendered, "content", b"")
        ):
            patch_cache_control(rendered, private=True, no_store=True)
            if blank:
                holes.mark(rendered, SIGNUP_STARTED_HOLE)
        return rendered

    if request.GET.get(SIGNUP_DONE_PARAM) or request.method == "POST":
        patch_cache_control(response, private=True, no_store=True)
    if hasattr(response, "add_post_render_callback") and not getattr(response, "is_rendered", True):
        response.add_post_render_callback(_mark)
    else:
        _mark(response)
    return response
