"""Site search `/tim-kiem/?q=…` and the header box's autocomplete `/tim-kiem/goi-y/?q=…`."""

import re

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from modelsearch.query import PlainText
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from portal.pagecache.privacy import private_q

from . import registry
from .engine import SiteSearch
from .hits import url_of
from .querylog import count_search
from .resilient import database_fallback
from .text import MAX_QUERY_LENGTH, clean_query, folded_words

RESULTS_PER_PAGE = 10
AUTOCOMPLETE_LIMIT = 8
AUTOCOMPLETE_MIN_LENGTH = 2


@require_safe
@database_fallback
def search(request):
    site_search = SiteSearch(request, request.GET.get("q", ""), request.GET.get("loai", ""))
    paginator = Paginator(site_search.results, RESULTS_PER_PAGE)
    page_number = request.GET.get("page", "1")
    if not re.fullmatch(r"[1-9]\d{0,5}", page_number):
        raise Http404("Trang kết quả không hợp lệ.")
    try:
        results = paginator.page(int(page_number))
    except InvalidPage as exc:
        raise Http404("Trang kết quả không tồn tại.") from exc

    if site_search.terms and results.number == 1:
        # The editors' query log (Wagtail admin › Reports › Search terms / Promoted results).
        count_search(site_search.query)

    return render(
        request,
        "search/search.html",
        {
            "search_query": site_search.query,
            "searched": bool(site_search.terms),
            "results": results,
            "page_range": paginator.get_elided_page_range(results.number, on_each_side=2),
            "types": site_search.types,
            "active_type": site_search.active_type,
            "total": site_search.total,
            "capped": site_search.capped,
            "total_all": sum(t.count for t in site_search.types),
            "many_words": len(site_search.terms) > 2,
            "query_was_cut": site_search.query_was_cut,
            "max_query_length": MAX_QUERY_LENGTH,
        },
    )


@require_safe
@database_fallback
def autocomplete(request):
    """Titles starting with what was typed, folded like the full search. Progressive: the header
    box works without it."""
    query = clean_query(request.GET.get("q", ""))
    terms = folded_words(query)
    items = []
    if len("".join(terms)) >= AUTOCOMPLETE_MIN_LENGTH:
        backend = get_search_backend()
        folded = PlainText(" ".join(terms), operator="and")
        pages = Page.objects.live().exclude(private_q())
        site = Site.find_for_request(request)
        if site is not None:
            pages = pages.in_site(site)
        for page in backend.autocomplete(folded, pages)[:AUTOCOMPLETE_LIMIT]:
            url = page.get_url(request)
            if url:
                items.append({"title": page.title, "url": url})
        for model in registry.searchable_models():
            if len(items) >= AUTOCOMPLETE_LIMIT or not model.get_autocomplete_search_fields():
                continue
            queryset = registry.site_search_queryset(model)
            for obj in backend.autocomplete(folded, queryset)[: AUTOCOMPLETE_LIMIT - len(items)]:
                hit_url = url_of(obj, request)
                if hit_url:
                    items.append({"title": str(obj), "url": hit_url})
    response = JsonResponse({"query": query, "results": items})
    response["Cache-Control"] = "max-age=60"
    return response
