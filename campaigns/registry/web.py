"""The sign-up form on a page: POST → validate → register → 303 back to the same page.

Nothing the person typed goes into the URL, the logs or a cache key. A rejected submission writes
nothing. Every response that shows the form is `Cache-Control: private, no-store` for browsers
and CDNs. The portal's own page cache may still keep a blank form page (a plain GET): it stores
it with holes for the CSRF token and the signed timestamp and fills each hit with fresh ones
(portal/pagecache/holes.py). A form re-shown with errors, or the confirmation, never is.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from portal import limits
from portal.pagecache import memo

logger = logging.getLogger(__name__)

SIGNUP_DONE_PARAM = "da-dang-ky"
FORM_MARKER = "form-name"
FORM_ATTR = "_campaigns_signup_form"
TOKEN_USED_MESSAGE = _(
    "Biểu mẫu này đã được gửi trước đó. Thông tin bạn vừa sửa chưa được lưu: vui lòng kiểm tra "
    "lại và bấm Gửi lần nữa."
)
CSRF_MESSAGE = _(
    "Chưa gửi được: phiên làm việc của biểu mẫu đã hết hạn, hoặc trình duyệt đang chặn cookie "
    "của trang web. Thông tin bạn nhập vẫn còn bên dưới; vui lòng kiểm tra lại và bấm Gửi lần nữa."
)


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


# Scopes of the shared limits (portal.limits): keyed hashes, never the address or the number.
IP_SCOPE = "signup-ip"
IP_HEADER = "REGISTRY_CLIENT_IP_HEADER"  # the setting naming a trusted proxy's header
PHONE_SCOPE = "signup-phone"


def over_rate_limit(request):
    """Count this POST against its client address; True when the address sent more than
    REGISTRY_RATE_LIMIT in the window. The limit is high (many people share one carrier-NAT
    address): it stops floods, the per-number limit and single-use tokens stop replays."""
    limit = int(getattr(settings, "REGISTRY_RATE_LIMIT", 300))
    if limit <= 0:
        return False
    window = int(getattr(settings, "REGISTRY_RATE_WINDOW", 600))
    return limits.hit(IP_SCOPE, limits.client_ip(request, IP_HEADER), window=window) > limit


def phone_over_limit(phone):
    """Count one accepted submission for this number; True past REGISTRY_PHONE_RATE_LIMIT."""
    limit = int(getattr(settings, "REGISTRY_PHONE_RATE_LIMIT", 5))
    if limit <= 0:
        return False
    window = int(getattr(settings, "REGISTRY_PHONE_RATE_WINDOW", 24 * 60 * 60))
    return limits.hit(PHONE_SCOPE, phone, window=window) > limit


def rate_limited_response(request, page, *, by_phone=False):
    window = "REGISTRY_PHONE_RATE_WINDOW" if by_phone else "REGISTRY_RATE_WINDOW"
    seconds = int(getattr(settings, window, 24 * 60 * 60 if by_phone else 600))
    response = TemplateResponse(
        request,
        "registry/signup_rate_limited.html",
        {
            "page": page,
            "self": page,
            "request": request,
            "by_phone": by_phone,
            "minutes": max(1, seconds // 60),
        },
        status=429,
    )
    response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response


class TokenUsed(Exception):
    """The form's token was spent by an earlier submission with other content."""


class PhoneLimited(Exception):
    """Too many submissions for this number: nothing is stored, the token stays unspent."""


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
        try:
            with transaction.atomic():
                # The token is spent in the transaction that stores the submission: it stores
                # at most once, and stays unspent if storing fails.
                use = limits.use_token(form.token, form.fingerprint())
                if use is limits.TokenUse.OTHER:
                    raise TokenUsed
                if use is limits.TokenUse.FIRST:
                    # Only submissions that would be stored count against the number.
                    if phone_over_limit(form.cleaned_data["phone"]):
                        raise PhoneLimited
                    register_member(
                        form.entry_values(),
                        typed=form.typed_data(),
                        consent_registration=form.cleaned_data["consent_registration"],
                        consent_news=form.cleaned_data["consent_news"],
                        notice=PrivacyNotice.current_id(),
                        source_page=page,
                    )
                else:  # the same content again (a double click, a replayed POST)
                    logger.info("Sign-up form replayed on page %s", page.pk)
        except PhoneLimited:
            logger.info("Sign-up limit per number reached on page %s", page.pk)
            return rate_limited_response(request, page, by_phone=True)
        except TokenUsed:
            logger.info("Sign-up token reused with other content on page %s", page.pk)
            form.add_error(None, TOKEN_USED_MESSAGE)
            form.refresh_token()
            setattr(request, FORM_ATTR, form)
            return None
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
    from portal.pagecache.holes import mark_form_page

    from .apps import SIGNUP_STARTED_HOLE

    blank = (
        request.method == "GET"
        and not request.GET.get(SIGNUP_DONE_PARAM)
        and getattr(request, FORM_ATTR, None) is None
    )
    if request.GET.get(SIGNUP_DONE_PARAM) or request.method == "POST":
        patch_cache_control(response, private=True, no_store=True)
    return mark_form_page(request, response, SIGNUP_STARTED_HOLE, blank=blank)


def csrf_failure_response(page, request):
    """The answer to a sign-up POST whose CSRF token was refused (portal/csrf.py): the page again,
    HTTP 403, with the form filled with what was typed, a fresh CSRF token and form token, and a
    Vietnamese explanation. None for any other POST."""
    from .forms import SignupForm

    if not is_signup_post(request):
        return None
    form = SignupForm(request.POST)
    form.refresh_token()
    form.add_error(None, CSRF_MESSAGE)
    setattr(request, FORM_ATTR, form)
    response = TemplateResponse(
        request, page.get_template(request), page.get_context(request), status=403
    )
    return mark_form_response(request, response)
