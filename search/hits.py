"""What the search page shows of a result (`Hit`), and how hits are built from the backend's
objects: made specific in one query per page type, summarised and highlighted (used by
`search.engine.SiteSearch`)."""

from collections import namedtuple
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.template.loader import render_to_string
from wagtail.models import Page

from . import registry
from .text import folded_words, highlight, highlight_title

HIT_TEMPLATE = "search/includes/hit.html"

# (object, pinned kind, description) of a result to show.
type Entry = tuple[Any, str, str]

# A page of the remembered ranking window: enough to load the specific page in one query per type.
PageRef = namedtuple("PageRef", "content_type_id pk")


@dataclass
class Hit:
    """What the template shows of one result. A remembered hit keeps plain values only: its
    object (`obj`) is loaded again, by model and pk, only if some code asks for it."""

    url: str | None  # None: an object with no page of its own (its title is not a link)
    title: str
    type_key: str
    type_label: str
    texts: list[str] = field(default_factory=list)
    date: object = None
    pinned: str = ""  # "promoted" or "number"
    description: str = ""
    title_html: str = ""
    snippet_html: str = ""
    model_label: str = ""
    pk: object = None
    html: str = ""  # the rendered hit (search/includes/hit.html), for a remembered hit
    _obj: object = field(default=None, repr=False, compare=False)

    @property
    def obj(self) -> Any:
        if self._obj is None and self.pk is not None:
            model = apps.get_model(self.model_label)
            self._obj = model._default_manager.filter(pk=self.pk).first()
        return self._obj

    def plain(self) -> "Hit":
        """This hit without its object and source texts, rendered, to be remembered: the page
        shows `html` as it is (the template renders only hits without it)."""
        return Hit(
            url=self.url,
            title=self.title,
            type_key=self.type_key,
            type_label=self.type_label,
            date=self.date,
            pinned=self.pinned,
            description=self.description,
            title_html=self.title_html,
            snippet_html=self.snippet_html,
            model_label=self.model_label,
            pk=self.pk,
            html=render_to_string(HIT_TEMPLATE, {"hit": self}),
        )


@dataclass
class TypeCount:
    key: str
    label: str
    count: int


# What a hit reads of every page (url_of: url_path; text_of: search_description), and the date
# fields date_of looks for.
HIT_PAGE_FIELDS = ("id", "content_type_id", "title", "url_path", "search_description")
DATE_FIELDS = ("published_at", "date_issued", "date")
SUMMARY_FIELDS = ("search_hit_summary__text", "search_hit_summary__date")


def hit_fields(model: type[Any]) -> tuple[str, ...] | None:
    """The columns a hit of this page type reads, or None for the whole row: a type with its own
    `search_snippet_text()` or `search_result_date()` lists what they read in
    `search_snippet_fields`; without it the whole row is loaded (a deferred field read later
    would cost a query per hit)."""
    snippet_fields = getattr(model, "search_snippet_fields", None)
    if snippet_fields is None and (
        callable(getattr(model, "search_snippet_text", None))
        or callable(getattr(model, "search_result_date", None))
    ):
        return None
    names = {f.name for f in model._meta.concrete_fields}
    dates = tuple(name for name in DATE_FIELDS if name in names)
    return (*HIT_PAGE_FIELDS, *dates, *(snippet_fields or ()))


def snippet_of(obj: Any) -> str:
    """The text a page type summarises its hits from (`search_snippet_text()`), or ""."""
    snippet = getattr(obj, "search_snippet_text", None)
    return (snippet() or "") if callable(snippet) else ""


def text_of(obj: Any) -> list[str]:
    """Plain texts a hit may be summarised from, best first (a base page read with its stored
    summary: that summary's text)."""
    summary = getattr(obj, "hit_summary", None)
    texts = [summary.text if summary is not None else snippet_of(obj)]
    texts.append(getattr(obj, "search_description", "") or "")
    return [t for t in texts if t]


def date_of(obj: Any) -> Any:
    summary = getattr(obj, "hit_summary", None)
    if summary is not None:
        return summary.date
    hook = getattr(obj, "search_result_date", None)
    if callable(hook):
        return hook()
    for name in DATE_FIELDS:
        value = getattr(obj, name, None)
        if hasattr(value, "year"):
            return value
    return None


def url_of(obj: Any, request: HttpRequest | None) -> str | None:
    if isinstance(obj, Page):
        return obj.get_url(request)
    get_url = getattr(obj, "get_url", None)
    if callable(get_url):
        try:
            return get_url(request)
        except TypeError:
            return get_url()
    return getattr(obj, "url", None)


def title_of(obj: Any) -> str:
    for name in ("title", "name"):
        value = getattr(obj, name, None)
        if isinstance(value, str) and value:
            return value
    return str(obj)


def is_base_page(obj: Any) -> bool:
    """A result the page source returned (a base `Page`) or its remembered reference."""
    return type(obj) is Page or type(obj) is PageRef


def ref(obj: Any) -> Any:
    return PageRef(obj.content_type_id, obj.pk) if type(obj) is Page else obj


class HitBuilder:
    """SiteSearch's hits: the request's specific pages, loaded once, and their summaries."""

    request: HttpRequest
    query: str
    terms: list[str]
    _specific_pages: dict[Any, Any]

    def _specific(self, objects: Sequence[Any]) -> list[Any]:
        """The objects made specific, keeping their order; one query per page type, and pages
        loaded earlier in this request are not loaded again. A page whose row is gone is
        dropped (one whose specific row is gone stays a plain Page, as with `specific()`)."""
        cache = self._specific_pages
        wanted: dict[int, list[Any]] = {}  # content type id -> pks
        for obj in objects:
            if is_base_page(obj) and obj.pk not in cache:
                wanted.setdefault(obj.content_type_id, []).append(obj.pk)
        if wanted:
            # Pages whose summary is stored (search.summaries): their base rows, in one query.
            pks = [pk for pks in wanted.values() for pk in pks]
            summarised = (
                Page.objects.filter(pk__in=pks, search_hit_summary__isnull=False)
                .select_related("search_hit_summary")
                .only(*HIT_PAGE_FIELDS, *SUMMARY_FIELDS)
            )
            for page in summarised:
                page.hit_summary = page.search_hit_summary
                cache[page.pk] = page
            wanted = {
                content_type_id: [pk for pk in pks if pk not in cache]
                for content_type_id, pks in wanted.items()
            }
        missing = []
        for content_type_id, pks in wanted.items():
            if not pks:
                continue
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                missing.extend(pks)
                continue
            pages = model._default_manager.filter(pk__in=pks)
            fields = hit_fields(model)
            if fields is not None:  # only what the result shows (whole rows: ~2x the cost)
                pages = pages.only(*fields)
            cache.update((p.pk, p) for p in pages)
            missing.extend(pk for pk in pks if pk not in cache)
        if missing:
            cache.update((p.pk, p) for p in Page.objects.filter(pk__in=missing).specific())
        found = []
        for obj in objects:
            if is_base_page(obj):
                obj = cache.get(obj.pk)
                if obj is None:
                    continue
            found.append(obj)
        return found

    def _hits(self, objects: Sequence[Any], pinned: str = "") -> list[Hit]:
        """Hits for a list of (possibly non-specific) objects, keeping their order."""
        return [self._hit(obj, pinned) for obj in self._specific(objects)]

    def _hit(self, obj: Any, pinned: str = "", description: str = "") -> Hit:
        model = type(obj)
        summarised = getattr(obj, "hit_summary", None) is not None
        if summarised:  # a base page: its type is its content type's
            model = obj.specific_class or Page
        url = url_of(obj, self.request)
        if model.__name__ == "SearchPromotion":  # an external link promotion
            return Hit(
                url=obj.external_link_url,
                title=obj.external_link_text or obj.external_link_url,
                type_key="promoted",
                type_label="",
                texts=[obj.description] if obj.description else [],
                pinned=pinned,
                model_label=model._meta.label,
                pk=obj.pk,
                _obj=obj,
            )
        return Hit(
            url=url,
            title=title_of(obj),
            type_key=registry.type_key(model),
            type_label=registry.type_label(model),
            texts=text_of(obj),
            date=date_of(obj),
            pinned=pinned,
            description=description,
            model_label=model._meta.label,
            pk=obj.pk,
            _obj=None if summarised else obj,  # `obj` loads the specific page if asked
        )

    def hits_for(self, entries: Sequence[Entry]) -> list[Hit]:
        """Hits for (object, pinned kind, description) entries: only these are made specific."""
        self._specific([obj for obj, _, _ in entries])
        hits = []
        for obj, kind, description in entries:
            if is_base_page(obj):
                obj = self._specific_pages.get(obj.pk)
            if obj is not None:
                hits.append(self._hit(obj, kind, description))
        return hits

    def decorate(self, hits: list[Hit]) -> list[Hit]:
        for hit in hits:
            hit.title_html = highlight_title(hit.title, self.query)
            text = next(
                (t for t in hit.texts if set(folded_words(t, limit=None)) & set(self.terms)),
                hit.texts[0] if hit.texts else "",
            )
            hit.snippet_html = highlight(text, self.query) if text else ""
        return hits
