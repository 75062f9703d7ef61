"""Serving an editor-built form: GET → blank form; POST → validate → store → 303 to the same
page with `?da-gui=1` (one confirmation; nothing typed goes into the URL, logs or a cache key).

A blank form on a plain GET may be kept by the page cache: it declares its per-visitor values
(the CSRF token and the signed timestamp), stored as holes and filled for each visitor
(portal/pagecache/holes.py). A form re-shown with errors, and the confirmation, never are."""

import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .apps import STARTED_HOLE

logger = logging.getLogger(__name__)
DONE_PARAM = "da-gui"


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def over_rate_limit(request):
    """Count this POST; True when the client sent more than WEBFORMS_RATE_LIMIT within the
    window, all forms together. Counted by portal/limits (shared by every process, the address
    kept only as a keyed hash)."""
    from portal import limits

    limit = int(getattr(settings, "WEBFORMS_RATE_LIMIT", 20))
    if limit <= 0:
        return False
    window = int(getattr(settings, "WEBFORMS_RATE_WINDOW", 600))
    # The same client address as the sign-up form's limit (REGISTRY_CLIENT_IP_HEADER).
    address = limits.client_ip(request, "REGISTRY_CLIENT_IP_HEADER")
    return limits.hit("webform-ip", address, window=window) > limit


def store_submission(page, form, now=None):
    """Store one accepted submission with the consent text shown and its version, in one
    transaction; staff are notified by a task once it has committed."""
    from .tasks import notify_new_submission

    now = now or timezone.now()
    with transaction.atomic():
        entry = page.get_submission_class().objects.create(
            form_data=form.answers(),
            page=page,
            consent_text=page.consent_text,
            consent_version=str(page.live_revision_id or ""),
            consented_at=now,
        )
        if page.notify_emails.strip():
            transaction.on_commit(lambda: notify_new_submission.enqueue(entry.pk))
    return entry


def serve_form_page(page, request, *args, **kwargs):
    done = request.method == "GET" and request.GET.get(DONE_PARAM) == "1"
    form = None
    if request.method == "POST":
        if page.is_closed:
            form = None
        elif over_rate_limit(request):
            logger.info("Form rate limit reached on page %s", page.pk)
            response = TemplateResponse(
                request,
                "webforms/rate_limited.html",
                {"page": page, "self": page},
                status=429,
            )
            response["Retry-After"] = str(int(getattr(settings, "WEBFORMS_RATE_WINDOW", 600)))
            add_never_cache_headers(response)
            return response
        else:
            form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
            done_url = f"{request.path}?{DONE_PARAM}=1#bieu-mau"
            if form.is_bot:
                # Answer as if accepted (bots learn nothing) and store nothing.
                logger.info("Form honeypot triggered on page %s", page.pk)
                return HttpResponseSeeOther(done_url)
            if form.is_valid():
                store_submission(page, form)
                return HttpResponseSeeOther(done_url)
            logger.info("Form rejected on page %s: %s", page.pk, ",".join(sorted(form.errors)))
            form.refresh_token()
    blank = form is None and request.method == "GET" and not done
    if form is None and not done and not page.is_closed:
        form = page.get_form(page=page, user=request.user)
    context = page.get_context(request, *args, **kwargs)
    context.update({"form": form, "form_sent": done, "form_closed": page.is_closed})
    response = TemplateResponse(request, page.get_template(request), context)
    return mark_form_response(request, response, blank=blank)


def mark_form_response(request, response, blank):
    from portal.pagecache.holes import mark_form_page

    if not blank:
        patch_cache_control(response, private=True, no_store=True)
    return mark_form_page(request, response, STARTED_HOLE, blank=blank)
