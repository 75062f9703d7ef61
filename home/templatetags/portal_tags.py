from django import template

register = template.Library()


def _chrome(context):
    """The site's stored menus and partners (home/chrome.py), or None without a branding."""
    from home.chrome import chrome_of

    branding = context.get("branding")
    return chrome_of(branding) if branding else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The main menu (home/chrome_html.py's `menu_items`)."""
    from home.chrome_html import menu_items

    return {"request": context.get("request"), "items": menu_items(context)}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    """The footer links editors build (Đoạn trích › Trình đơn, "Liên kết chân trang")."""
    chrome = _chrome(context)
    return {"links": chrome["footer"] if chrome else []}


@register.simple_tag(takes_context=True)
def site_og_image(context):
    """The site's Open Graph image (url, width, height), stored with its chrome: no query."""
    chrome = _chrome(context)
    return chrome.get("og_image") if chrome else None


@register.simple_tag(takes_context=True)
def site_top(context):
    """The header and the banner, stored with the site's chrome (home/chrome_html.py)."""
    from home.chrome_html import site_top

    return site_top(context)


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer, stored with the site's chrome per day (home/chrome_html.py)."""
    from home.chrome_html import site_footer

    return site_footer(context)


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
