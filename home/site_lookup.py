"""The request's Site and its SiteBranding in one query.

Wagtail's `Site.find_for_request` ranks the candidate sites in SQL (a CASE per rule) and reads the
root page with them; every page then reads the site's branding (header, footer, menus: `chrome`)
with a second query. Here one query reads the candidates (the host's sites and the default
site) with their root page and branding, and Wagtail's rules pick one in Python:
hostname and port, then hostname of the default site, then the default site unless exactly
one other site has the hostname; several sites with the hostname and none of these: no site.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.http.request import split_domain_port
from wagtail.models import Site

__all__ = ["find_site"]

# Its logo (the home page's and articles' structured data show it) and its share image (the
# chrome is built from it: home/chrome.py), not its banner's page: the stored header is its only
# reader (home/chrome_html.py); joining every column of a page cost ~2 M instructions per request.
BRANDING_RELATED = ("sitebranding__logo", "sitebranding__og_image")


def _rank(site, hostname, port):
    if site.hostname == hostname and site.port == port:
        return 0
    if site.hostname == hostname and site.is_default_site:
        return 1
    return 2 if site.is_default_site else 3


def find_site(request):
    """What `Site.find_for_request(request)` finds, with its branding read in the same query and
    left on the site as `branding_row` (None: the site has no branding row yet)."""
    hostname = split_domain_port(request.get_host())[0]
    try:
        port = int(request.get_port())
    except ValueError:
        return None
    sites = list(
        Site.objects.filter(Q(hostname=hostname) | Q(is_default_site=True))
        .order_by()
        .select_related("root_page", *BRANDING_RELATED)
    )
    sites.sort(key=lambda site: _rank(site, hostname, port))
    site = None
    if len(sites) == 1 or (sites and _rank(sites[0], hostname, port) < 2):
        site = sites[0]
    elif sites and _rank(sites[0], hostname, port) == 2:
        site = sites[len(sites) == 2]
    if site is not None:
        try:
            site.branding_row = site.sitebranding
        except ObjectDoesNotExist:
            site.branding_row = None
    return site
