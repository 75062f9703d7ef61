"""The ask form on the legal Q&A page: POST → validate → store → 303 `?da-gui=1`, with the
protections of the editor-built forms (limit per address, honeypot, timestamp, page cache
holes). Nothing typed goes into a URL, a log line or a cache key."""

import logging

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from webforms.web import DONE_PARAM, mark_form_response, over_rate_limit

logger = logging.getLogger(__name__)


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def serve_ask_page(page, request, *args, **kwargs):
    from .forms import AskForm
    from .models import LegalQuestion

    topics = page.topics()
    done = request.method == "GET" and request.GET.get(DONE_PARAM) == "1"
    form = None
    if request.method == "POST":
        if over_rate_limit(request):
            response = TemplateResponse(
                request, "webforms/rate_limited.html", {"page": page, "self": page}, status=429
            )
            response["Cache-Control"] = "private, no-store"
            return response
        form = AskForm(request.POST, topics=topics, consent_text=page.consent_text)
        done_url = f"{request.path}?{DONE_PARAM}=1#hoi"
        if form.is_bot:
            logger.info("Legal question honeypot triggered on page %s", page.pk)
            return HttpResponseSeeOther(done_url)
        if form.is_valid():
            data = form.cleaned_data
            LegalQuestion.objects.create(
                full_name=data["full_name"],
                contact=data["contact"],
                topic=data["topic"],
                question=data["question"],
                consent_text=page.consent_text,
                consent_version=str(page.live_revision_id or ""),
            )
            return HttpResponseSeeOther(done_url)
        logger.info(
            "Legal question rejected on page %s: %s", page.pk, ",".join(sorted(form.errors))
        )
        form.refresh_token()
    blank = form is None and request.method == "GET" and not done
    if form is None and not done:
        form = AskForm(topics=topics, consent_text=page.consent_text)
    context = page.get_context(request, *args, **kwargs)
    context.update({"form": form, "form_sent": done, "topics": topics})
    response = TemplateResponse(request, page.get_template(request), context)
    return mark_form_response(request, response, blank=blank)
