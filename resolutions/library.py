"""The library listing: filters, the in-library search (exact number first, then full text) and
pagination. A fixed number of queries whatever the number of documents."""

import hashlib
from datetime import date

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404

from portal.pagecache import memo
from portal.pagecache.memo import CountRememberingPaginator
from portal.pagecache.privacy import private_q as remembered_private_q
from search.text import folded_words, nfc, searchable_query

from .forms import FACETS, DocumentFilterForm
from .models.document import ResolutionPage
from .models.document_year import site_root_path
from .numbers import find_by_number

PER_PAGE = 20
MAX_NUMBER_MATCHES = 20

ORDERINGS = {
    "": ("-date_issued", "-pk"),
    "ngay-ban-hanh": ("-date_issued", "-pk"),
    "ngay-hieu-luc": ("-date_effective", "-date_issued", "-pk"),
}


class NumberFirstResults:
    """Exact number matches, then the full-text results (which exclude them): a sequence the
    paginator can count and slice without loading everything."""

    def __init__(self, head, tail):
        self.head = list(head)
        self.tail = tail

    def count(self):
        return len(self.head) + self.tail.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop
        items = self.head[start:stop]
        n = len(self.head)
        if stop is None or stop > n:
            items += list(self.tail[max(0, start - n) : None if stop is None else stop - n])
        return items


def site_documents(page, private_q=None):
    """Live, public documents of the site the page belongs to (every site root is at depth 2).
    `private_q` (Wagtail's view restrictions, remembered until the next purge) can be passed in
    to reuse it."""
    if private_q is None:
        private_q = remembered_private_q()
    root_path = site_root_path(page)
    return ResolutionPage.objects.live().exclude(private_q).filter(path__startswith=root_path)


def apply_filters(documents, values):
    if values.get("loai"):
        documents = documents.filter(doc_type=values["loai"])
    if values.get("co_quan"):
        documents = documents.filter(issuing_body=values["co_quan"].pk)
    if values.get("nam"):
        year = values["nam"]
        documents = documents.filter(
            date_issued__gte=date(year, 1, 1), date_issued__lte=date(year, 12, 31)
        )
    if values.get("tinh_trang"):
        documents = documents.filter(status=values["tinh_trang"])
    if values.get("bo_suu_tap"):
        documents = documents.filter(collection=values["bo_suu_tap"].pk)
    return documents


def library_results(documents, values):
    """(results, searching): a queryset or a NumberFirstResults."""
    # Only punctuation ("!!!") is no query, as on the site search (search.text.searchable_query).
    query = searchable_query(nfc(values.get("q") or ""))
    ordering = ORDERINGS.get(values.get("sap_xep") or "", ORDERINGS[""])
    documents = apply_filters(documents, values).select_related("issuing_body")
    if not query:
        return documents.order_by(*ordering), False
    head = list(find_by_number(query, queryset=documents)[:MAX_NUMBER_MATCHES])
    rest = documents.exclude(id__in=[d.pk for d in head]) if head else documents
    # Only words reach the full-text backend: quotes or dots break an FTS5 expression (HTTP 500).
    terms = " ".join(folded_words(query))
    if not terms:
        tail = rest.none()
    elif values.get("sap_xep"):
        tail = rest.order_by(*ordering).search(terms, operator="and", order_by_relevance=False)
    else:
        tail = rest.search(terms, operator="and")
    return NumberFirstResults(head, tail), True


def stored_count(form, values, searching):
    """The number of documents listed, from the stored years (`DocumentYear.documents`), when
    nothing but the year (and the order) narrows the list; else None (counted in SQL)."""
    narrowed = [name for name in FACETS if name != "nam" and values.get(name) not in (None, "")]
    if searching or narrowed:
        return None
    if values.get("nam"):
        return form.year_counts.get(values["nam"], 0)
    return sum(form.year_counts.values())


def library_context(page, request):
    private_q = remembered_private_q()
    documents = site_documents(page, private_q)
    form = DocumentFilterForm(
        request.GET or None, root_path=site_root_path(page), private_q=private_q
    )
    values = form.valid_values() if request.GET else {}
    results, searching = library_results(documents, values)
    paginator = CountRememberingPaginator(results, PER_PAGE)
    stored = stored_count(form, values, searching)
    if stored is not None:
        paginator.count = stored  # no COUNT(*): it read every page of the site on PostgreSQL
    try:
        page_obj = paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage) as exc:
        raise Http404 from exc
    facets = form.active_facets() if request.GET else []
    # The filter fields' HTML is the same for everyone who chose the same filters: two fields list
    # issuing bodies and collections from the database, and every option of every select is a
    # template render. Kept until the next purge, per choice of filters; never with errors shown
    # or with a visitor's own search words (nothing is stored then, and the words are in the key).
    # The list of results (count, cards, pagination) is kept in the same way, per query string
    # (filters and page): `documents` stays a lazy queryset, so a kept list runs no query. Its
    # pagination links repeat the request's query string, so it is kept only when that holds
    # nothing but the filters and the page, each once (not a shared link's click identifier).
    chosen = [(name, request.GET.get(name, "")) for name in form.fields]
    keep = memo.enabled() and not form.errors and not request.GET.get("q")
    plain_query = all(name in form.fields or name == "page" for name in request.GET) and all(
        len(values) == 1 for values in request.GET.lists()
    )
    seconds = settings.PAGE_CACHE_TIMEOUT if keep else 0
    return {
        "filter_form": form,
        "filter_fields_key": hashlib.sha256(repr(chosen).encode()).hexdigest(),
        "filter_fields_seconds": seconds,
        # The whole query string: the links are built from it, parameter order included.
        "results_key": hashlib.sha256(request.GET.urlencode().encode()).hexdigest(),
        "results_seconds": seconds if plain_query else 0,
        "documents": page_obj.object_list,
        "page_obj": page_obj,
        "paginator": paginator,
        "searching": searching,
        "library_query": searchable_query(values.get("q") or ""),
        "active_facets": facets,
        "is_filtered": bool(facets) or searching,
        # Two or more facets multiply into pages crawlers should not walk.
        "robots_noindex": len(facets) >= 2 or searching,
    }
