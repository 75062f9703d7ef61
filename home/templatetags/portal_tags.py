from django import template
from wagtail.models import Site

from portal.pagecache.memo import remember

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Top-level pages marked "show in menus", from the page tree (one query, remembered until
    the next purge: a page published, moved or deleted changes the menu)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = []
    if site:
        items = remember(
            "main-menu",
            site.pk,
            site.root_page_id,
            compute=lambda: list(
                site.root_page.get_children()
                .live()
                .public()
                .in_menu()
                .only("id", "title", "url_path")
            ),
        )
    current = context.get("page")
    current_path = getattr(current, "url_path", "") or ""
    items = [
        {"page": item, "active": bool(current_path) and current_path.startswith(item.url_path)}
        for item in items
    ]
    return {
        "request": request,
        "items": items,
        "site": site,
        # What the rendered menu depends on besides the generation (the template caches it).
        "home_active": bool(request) and request.path == "/",
        "active_id": next((item["page"].pk for item in items if item["active"]), None),
        "cache_generation": context.get("cache_generation"),
        "fragment_cache_seconds": context.get("fragment_cache_seconds", 0),
    }


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """Full URL for a relative one (Open Graph and feeds want absolute URLs)."""
    request = context.get("request")
    if not url or url.startswith(("http://", "https://")) or request is None:
        return url or ""
    return request.build_absolute_uri(url)
