"""Structured data (schema.org JSON-LD) for search engines: the one place that builds and escapes
it. Page types describe themselves with `structured_data(request)` (a dict or a list of dicts);
`{% structured_data %}` in base.html adds what every page shares (the breadcrumb trail; the
Organization and WebSite on the home page) and writes each node as a
`<script type="application/ld+json">` with the request's CSP nonce.

Properties follow Google's documented required and recommended ones for each type
(docs/structured-data.md); tests/reader/test_structured_data.py checks every page of the demo.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

SCHEMA = "https://schema.org"
# Escaped like Django's json_script: text such as `</script>` in a title cannot end the element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
HOME_LABEL = "Trang chủ"
SEARCH_PATH = "/tim-kiem/"


def dumps(data):
    """JSON for a `<script type="application/ld+json">` element, escaped, marked safe."""
    text = json.dumps(clean(data), cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_ESCAPES))  # noqa: S308 - every <, > and & escaped above


def clean(value):
    """Drop empty values (None, "", [], {}) at every level: schema.org wants them absent."""
    if isinstance(value, dict):
        cleaned = {k: clean(v) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, "", [], {})}
    if isinstance(value, list | tuple):
        return [v for v in (clean(v) for v in value) if v not in (None, "", [], {})]
    return value


def node(type_, **properties):
    """A top-level node: `@context` and `@type` first."""
    return {"@context": SCHEMA, "@type": type_, **properties}


def written(nodes):
    """The JSON text of each node as `scripts()` writes it: what a page type may store and hand
    over as `structured_data_written` (news/models/article_parts.py)."""
    return [str(dumps(item)) for item in nodes if item]


def scripts(nodes, nonce="", texts=None):
    """`<script type="application/ld+json">` elements, one per node (or per text `written()`
    made)."""
    if texts is None:
        texts = written(nodes)
    # Joined by hand: format_html_join copies each text (a few KB) three times over, on every
    # render of a page that carries it (an uncached article).
    opening = f'<script type="application/ld+json" nonce="{escape(nonce)}">'
    return mark_safe(  # noqa: S308 - the nonce escaped, the texts escaped by dumps()
        "\n".join(f"{opening}{text}</script>" for text in texts)
    )


def iso(value):
    """A date or a datetime (in Vietnam's time zone) as ISO 8601."""
    if value is None:
        return None
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else None
    return value.isoformat()


def site_root(request):
    """The root URL of the request's Site (its configured hostname and port, as `fullpageurl`
    and the sitemap use), e.g. "https://congdoan.example.vn"."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/")


def absolute(request, url):
    """An absolute URL on the request's Site for a path: the one way every absolute link of the
    site (canonical, og:url, share links, JSON-LD, robots.txt) is built, never from the request's
    Host header."""
    if not url or url.startswith(("http://", "https://")) or request is None:
        return url or None
    return site_root(request) + url


def current_url(request):
    """The absolute URL of the page being served (its path and query), on the Site's address."""
    return absolute(request, request.get_full_path())


# --- shared building blocks ------------------------------------------------------------------


def organization(branding, request, root_url, *, with_id=True):
    """The union itself, as publisher, organizer or the home page's Organization."""
    data = {
        "@type": "Organization",
        "name": getattr(branding, "name_vi", "") or "Công đoàn Viên chức Việt Nam",
        "alternateName": getattr(branding, "name_en", "") or None,
        "url": root_url,
    }
    if with_id and root_url:
        data["@id"] = f"{root_url}#organization"
    logo = logo_image(branding, request)
    if logo:
        data["logo"] = logo
    return data


def logo_image(branding, request):
    """The logo as an ImageObject (Google wants at least 112×112 for an Organization logo)."""
    if branding is None or not getattr(branding, "logo_id", None):
        return None
    from wagtail.images.models import SourceImageIOError

    try:
        rendition = branding.logo.get_rendition("max-512x512|format-png")
    except (SourceImageIOError, OSError):
        return None
    return {
        "@type": "ImageObject",
        "url": absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def home_nodes(branding, request, root_url):
    """Organization and WebSite (with the site search as a SearchAction) for the home page."""
    org = {"@context": SCHEMA, **organization(branding, request, root_url)}
    description = getattr(branding, "meta_description", "") or None
    if description:
        org["description"] = description
    website = node(
        "WebSite",
        **{
            "@id": f"{root_url}#website",
            "url": root_url,
            "name": org["name"],
            "alternateName": org.get("alternateName"),
            "inLanguage": "vi",
            "publisher": {"@id": org.get("@id")},
            "potentialAction": {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": root_url.rstrip("/") + SEARCH_PATH + "?q={search_term_string}",
                },
                "query-input": "required name=search_term_string",
            },
        },
    )
    return [org, website]


def breadcrumb_list(items):
    """BreadcrumbList from (name, absolute URL) pairs; the last item may have no URL."""
    elements = []
    for position, (name, url) in enumerate(items, 1):
        element = {"@type": "ListItem", "position": position, "name": str(name)}
        if url:
            element["item"] = url
        elements.append(element)
    return node("BreadcrumbList", itemListElement=elements) if len(elements) > 1 else None


def page_trail(context):
    """The breadcrumb trail the page shows: home, the ancestors below it, the page itself, and
    for routed views what they add (a partner, a category or another listing)."""
    request = context.get("request")
    page = context.get("page")
    if page is None or request is None or getattr(page, "depth", 0) <= 2:
        return []
    from wagtail.models import Site

    site = Site.find_for_request(request)
    root = getattr(site, "root_page", None)
    if root is None or not page.path.startswith(root.path) or page.pk == root.pk:
        return []
    root_url = absolute(request, "/")
    items = [(HOME_LABEL, root_url), *_ancestor_crumbs(page, root, site, request)]
    page_url = absolute(request, page.get_url(request))
    partner = context.get("partner")
    if partner is not None:
        items.append((page.title, page_url))
        items.append((partner.name, context.get("share_url") or current_url(request)))
        return items
    listing = context.get("listing_heading")
    if listing:
        items.append((page.title, page_url))
        items.append((listing, context.get("canonical_url") or current_url(request)))
        return items
    category_url = context.get("category_url")
    category = getattr(page, "category", None) if category_url else None
    if category is not None:
        items.append((category.name, absolute(request, category_url)))
    items.append((page.title, page_url))
    return items


def _ancestor_crumbs(page, root, site, request):
    """(title, absolute URL) of the page's ancestors below the site root, remembered until the
    next purge (a page moved, renamed or published purges)."""
    from portal.pagecache.memo import remember

    def compute():
        if page.depth <= root.depth + 1:
            return []
        # Routing already read them (portal/routing.py): no query.
        ancestors = getattr(page, "routed_ancestors", None)
        if ancestors is None:
            ancestors = page.get_ancestors()
        ancestors = [a for a in ancestors if a.depth > root.depth]
        return [(str(a.title), absolute(request, a.get_url(request))) for a in ancestors]

    return remember("breadcrumb-ancestors", page.pk, site.pk, site_root(request), compute=compute)


def page_nodes(context):
    """Every node of the page being rendered: its own (context["structured_data"], set by its
    page type), the home page's Organization and WebSite, and its breadcrumb trail. A page type
    that stores them hands them over written instead (`structured_data_written`)."""
    request = context.get("request")
    page = context.get("page")
    nodes = list(context.get("structured_data") or [])
    if request is None:
        return nodes
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if page is not None and site is not None and page.pk == site.root_page_id:
        nodes[:0] = home_nodes(context.get("branding"), request, absolute(request, "/"))
    trail = breadcrumb_list(page_trail(context))
    if trail:
        nodes.append(trail)
    return nodes
