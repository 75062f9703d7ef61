"""Site search. The search issue replaces this first version with folding-aware ranking,
type filters and highlighting."""

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
from wagtail.models import Page

from .text import fold, nfc


def search(request):
    query = nfc(request.GET.get("q", "")).strip()[:200]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().specific().search(fold(query))
    paginator = Paginator(results, 10)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except (EmptyPage, ValueError) as exc:
        raise Http404 from exc
    return render(request, "search/search.html", {"search_query": query, "results": page_obj})


def autocomplete(request):
    query = fold(request.GET.get("q", "")).strip()[:100]
    items = []
    if len(query) >= 2:
        for page in Page.objects.live().public().autocomplete(query)[:8]:
            items.append({"title": page.title, "url": page.url})
    return JsonResponse({"results": items})
