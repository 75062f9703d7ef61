"""Every page's header (logo, search box, main menu, anniversary banner) and footer (partner strip,
contact, links) as HTML stored with the site's chrome (home/chrome.py, on the `SiteBranding` row
every render reads): a page renders neither, a few hundred template nodes, per request.

One header per state of the menu (which item and sub-item the page is in, whether it is the home
page) and of the banner (shown or not today), one footer per day (the partners in force). They
live in the chrome (`chrome["html"]`), so they go with it: anything the chrome shows changing (a
menu item, a page, a partner, an image or rendition, a site, a view restriction, the branding)
empties it, and so does `purge_page_cache` after a deploy (new templates, new static files). A
render that finds its variant missing reads the row's chrome again (its copy may be older than
another render's store) and, if it is not there either, renders it and adds it to the row only if
the site's content version is still the one it read (`home_sections_version`, moved with every
change): a render that read the row before a change never stores over it. A header that shows a
visitor's search words is neither stored nor taken from the row.
"""

from django.apps import apps
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from home.chrome import chrome_of
from portal.pagecache import memo

__all__ = ["menu_items", "site_footer", "site_top"]

HEADER_TEMPLATES = ("includes/header.html",)
BANNER_TEMPLATES = ("includes/header.html", "includes/banner.html")
FOOTER_TEMPLATES = ("includes/footer.html",)


def _render(context, templates):
    engine = context.template.engine
    html = "".join(engine.get_template(name).render(context) for name in templates)
    return mark_safe(html)  # noqa: S308 - written by the templates, escaped there


def _stored(context, branding, name, templates):
    chrome = chrome_of(branding)
    if name in (chrome.get("html") or {}):
        return mark_safe(chrome["html"][name])  # noqa: S308 - written by the templates
    # Not in this copy of the row (which may be one remembered earlier in this generation, or
    # read before another render stored its own variant): the row's own chrome, unless a change
    # moved the version since this render read it.
    rows = apps.get_model("home", "SiteBranding").objects.filter(
        pk=branding.pk, home_sections_version=branding.home_sections_version
    )
    current = rows.values_list("chrome", flat=True).first()
    if current and current.get("version") == chrome.get("version"):
        chrome = current
    kept = chrome.get("html") or {}
    if name in kept:
        branding.chrome = chrome
        return mark_safe(kept[name])  # noqa: S308 - written by the templates
    html = _render(context, templates)
    if name.startswith("footer|"):  # one day's footer at a time
        kept = {key: value for key, value in kept.items() if not key.startswith("footer|")}
    chrome = {**chrome, "html": {**kept, name: str(html)}}
    rows.update(chrome=chrome)
    branding.chrome = chrome
    return html


def _variant(context, name, templates):
    """The HTML of `templates` for this site, stored under `name` (None: never stored)."""
    branding = context.get("branding")
    if name is None or not branding or not getattr(branding, "pk", None):
        return _render(context, templates)
    name = f"{name}|{translation.get_language()}"
    if memo.enabled():
        # The branding may be a copy remembered in this generation: its HTML is remembered too.
        return mark_safe(  # noqa: S308 - written by the templates
            memo.remember(
                "chrome-html",
                branding.pk,
                name,
                compute=lambda: str(_stored(context, branding, name, templates)),
            )
        )
    return _stored(context, branding, name, templates)


def menu_items(context):
    """The main menu's items with which one (and which sub-item) the page being shown is in:
    the menu editors build (Đoạn trích › Trình đơn: ordered links to pages or addresses, one
    level of sub-items); without any item, the top-level pages marked "show in menus". Either is
    stored with the site's branding (home/chrome.py): no query of its own."""
    current_path = getattr(context.get("page"), "url_path", "") or ""

    def active(path):
        return bool(current_path) and bool(path) and current_path.startswith(path)

    branding = context.get("branding")
    if not branding:
        return []
    chrome = chrome_of(branding)
    if chrome["main"]:
        return [
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
    return [
        {
            "text": page["title"],
            "url": page["url"],
            "active": active(page["url_path"]),
            "children": [],
        }
        for page in chrome["fallback"]
    ]


def site_top(context):
    """The header, and the banner when it is shown today."""
    branding = context.get("branding")
    banner = bool(branding and branding.show_banner)
    templates = BANNER_TEMPLATES if banner else HEADER_TEMPLATES
    if context.get("search_query"):
        return _render(context, templates)
    request = context.get("request")
    home = request is not None and request.path == "/"
    flags = "".join(
        "1" if item["active"] else "0"
        for top in menu_items(context)
        for item in (top, *top["children"])
    )
    return _variant(context, f"header|{int(home)}{int(banner)}|{flags}", templates)


def site_footer(context):
    """The footer, with the partners in force today."""
    return _variant(context, f"footer|{timezone.localdate().isoformat()}", FOOTER_TEMPLATES)
