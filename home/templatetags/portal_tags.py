from django import template
from wagtail.models import Site

register = template.Library()


def _chrome(context):
    """The site's stored menus and partners (home/chrome.py), or None without a branding."""
    from home.chrome import chrome_of

    branding = context.get("branding")
    return chrome_of(branding) if branding else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The main menu editors build (Đoạn trích › Trình đơn: ordered links to pages or addresses,
    one level of sub-items); without any item, the top-level pages marked "show in menus".
    Either is stored with the site's branding (home/chrome.py): no query of its own."""
    request = context.get("request")
    current_path = getattr(context.get("page"), "url_path", "") or ""

    def active(path):
        return bool(current_path) and bool(path) and current_path.startswith(path)

    chrome = _chrome(context)
    if chrome is None:
        return {"request": request, "items": []}
    if chrome["main"]:
        items = [
            {
                "text": node["text"],
                "url": node["url"],
                "active": active(node["path"]),
                "children": [
                    {"text": c["text"], "url": c["url"], "active": current_path == c["path"]}
                    for c in node["children"]
                ],
            }
            for node in chrome["main"]
        ]
        return {"request": request, "items": items}
    items = [
        {
            "text": page["title"],
            "url": page["url"],
            "active": active(page["url_path"]),
            "children": [],
        }
        for page in chrome["fallback"]
    ]
    return {"request": request, "items": items}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    """The footer links editors build (Đoạn trích › Trình đơn, "Liên kết chân trang")."""
    chrome = _chrome(context)
    return {"links": chrome["footer"] if chrome else []}


@register.simple_tag(takes_context=True)
def menu_section(context):
    """What the main menu's rendering depends on besides the site and the generation (base.html
    caches the header with it): "/" on the home page, else the slug of the top-level section the
    page being shown is in (the menu marks that item as current), "" outside the page tree."""
    request = context.get("request")
    if request is not None and request.path == "/":
        return "/"
    current_path = getattr(context.get("page"), "url_path", "") or ""
    site = Site.find_for_request(request) if request is not None else None
    root_path = getattr(getattr(site, "root_page", None), "url_path", None)
    if not root_path or not current_path.startswith(root_path):
        return ""
    return current_path[len(root_path) :].split("/", 1)[0]


@register.simple_tag(takes_context=True)
def fragment_seconds_unless(context, value):
    """`fragment_cache_seconds`, or 0 (nothing kept) when `value` is set: for a fragment that
    shows a visitor's own input, e.g. `{% fragment_seconds_unless search_query as seconds %}`."""
    return 0 if value else context.get("fragment_cache_seconds", 0)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """Full URL for a relative one (Open Graph and feeds want absolute URLs), on the Site's
    configured address, never the request's Host header."""
    from portal.structured_data import absolute

    return absolute(context.get("request"), url) or ""


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org JSON-LD (portal/structured_data.py), one script per node, each with
    the request's CSP nonce."""
    from portal.structured_data import page_nodes, scripts

    nonce = context.get("csp_nonce")  # a LazyNonce: false until first read, so str() it
    nonce = "" if nonce is None else str(nonce)
    texts = context.get("structured_data_written")
    if texts is not None:  # stored with the page (news/models/article_parts.py)
        return scripts((), nonce, texts)
    return scripts(page_nodes(context), nonce)
