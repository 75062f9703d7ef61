from django import template
from django.utils.html import conditional_escape

register = template.Library()


class AssetNode(template.Node):
    def __init__(self, path):
        self.path = path

    def render(self, context):
        from django.contrib.staticfiles.storage import staticfiles_storage

        url = staticfiles_storage.url(self.path)
        return conditional_escape(url) if context.autoescape else url


@register.tag
def asset(parser, token):
    """`{% asset "css/site.css" %}`: what `{% static "css/site.css" %}` writes, for a quoted path
    in base.html, outside every page's fragments. Django's tag resolves the path as a variable and
    asks whether staticfiles is installed (a walk of the installed apps) on every render; the URL
    itself is worked out once per process (portal/storage.py)."""
    bits = token.split_contents()
    if len(bits) != 2 or len(bits[1]) < 3 or bits[1][0] != bits[1][-1] or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError(f"{bits[0]} takes one quoted path")
    return AssetNode(bits[1][1:-1])


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


@register.filter
def tel(number):
    """A phone number as a tel: link wants it: its digits and a leading + (`024 3942.1234` ->
    `02439421234`)."""
    return "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")
