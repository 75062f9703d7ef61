import copy

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http.request import split_domain_port
from django.middleware import csp
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.csp import CSP, build_policy

from home.site_lookup import find_site
from portal.pagecache.memo import keep, recall


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy everywhere and swaps in the looser admin CSP under /admin/.

    A preview (Wagtail's `make_preview_request`, which runs the page through this middleware
    chain with `request.is_preview` set) gets the public policy with `frame-ancestors 'self'`
    (PREVIEW_CSP) and `X-Frame-Options: SAMEORIGIN`, so the admin's preview panel may frame it
    and no other site may; public pages keep `frame-ancestors 'none'`.

    Sits after ContentSecurityPolicyMiddleware in MIDDLEWARE so its response hook runs first and
    the CSP middleware then builds the header from the chosen config (with the request's nonce).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if hasattr(response, "_csp_config"):
            return response
        if getattr(request, "is_preview", False):
            response._csp_config = settings.PREVIEW_CSP
            response["X-Frame-Options"] = "SAMEORIGIN"
        elif is_admin_path(request.path):
            response._csp_config = settings.ADMIN_CSP
        return response


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    """Django's, with each policy written once per process and config: only the request's nonce
    changes between responses, and Django wrote the whole header from the config's lists on
    every response (~2% of an article read again). A config is a settings value, never changed
    in place; one replaced (a test's settings) is written again."""

    _MARK = "\x00nonce\x00"  # never in a policy: where the request's nonce goes

    def __init__(self, get_response):
        super().__init__(get_response)
        self._written = {}  # id(config) -> (config, with the nonce mark, without a nonce)

    def process_response(self, request, response):
        nonce = csp.get_nonce(request)
        sentinel = object()
        if (enforced := getattr(response, "_csp_config", sentinel)) is sentinel:
            enforced = settings.SECURE_CSP
        if (report_only := getattr(response, "_csp_ro_config", sentinel)) is sentinel:
            report_only = settings.SECURE_CSP_REPORT_ONLY
        for header, config in (
            (CSP.HEADER_ENFORCE, enforced),
            (CSP.HEADER_REPORT_ONLY, report_only),
        ):
            # As Django: a header the view set is kept; an empty config adds none.
            if config and header not in response:
                response.headers[str(header)] = self._policy(config, nonce)
        return response

    def _policy(self, config, nonce):
        written = self._written.get(id(config))
        if written is None or written[0] is not config:
            written = (config, build_policy(config, self._MARK), build_policy(config, None))
            self._written[id(config)] = written
        # A nonce no template asked for is false: Django leaves it out of the policy.
        return written[1].replace(self._MARK, str(nonce)) if nonce else written[2]


class RememberedSiteMiddleware:
    """Wagtail finds the request's Site with a query on every request (`Site.find_for_request`,
    then cached on the request only). Here it is found with its branding in one query
    (home/site_lookup.py), and the answer for a host and port is remembered until the next purge
    (portal/pagecache/memo.py): a site, its hostname, its root page or its branding changing
    purges.
    Hosts Django would refuse (ALLOWED_HOSTS) are left to Wagtail, so no one can fill the cache
    with made-up host names."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            try:
                request.get_host()
            except DisallowedHost:
                pass
            else:
                hostname = split_domain_port(request._get_raw_host())[0]
                parts = (hostname, request.get_port())
                token, found = recall("site", [parts])
                if 0 in found:
                    request._wagtail_site = found[0]
                else:
                    request._wagtail_site = site = find_site(request)
                    keep(token, "site", parts, without_branding(site))
        return self.get_response(request)


def without_branding(site):
    """A copy of `site` to remember without the branding row `find_site` read with it: every
    request reads the remembered site, and the branding (its header, footer and home sections:
    ~40 KB pickled, 0.3 ms to unpickle) is remembered on its own (`SiteBranding.for_request`)
    for the pages that use it. This request keeps it on its own copy."""
    if site is None:
        return None
    lean = copy.copy(site)  # a model's copy has its own field cache
    lean.__dict__.pop("branding_row", None)
    lean._state.fields_cache.pop("sitebranding", None)
    return lean


ADMIN_PREFIX = "/admin/"


def public_language():
    """The language of the public site: its pages are written in Vietnamese only."""
    return settings.LANGUAGE_CODE


def is_admin_path(path):
    return path.startswith(ADMIN_PREFIX)


class PublicLanguageMiddleware(LocaleMiddleware):
    """The site's language (LANGUAGE_CODE, Vietnamese) for the admin, and Vietnamese for every
    public page.

    In the admin Wagtail uses each editor's own preferred language (their account), and for an
    editor without one the language active for the request. That language is LANGUAGE_CODE, not
    the browser's Accept-Language: the login page and a new editor get Vietnamese even in a
    browser set to English, and an editor who prefers English chooses it in their account.

    The public pages have one language (`<html lang="vi">`): negotiating with Accept-Language
    made a browser preferring English get `Content-Language: en` on a Vietnamese page, and a
    `Vary: Accept-Language` that split every shared cache per browser language for no visible
    difference. Public responses say `Content-Language: vi` and do not vary on the language.
    """

    def process_request(self, request):
        if is_admin_path(request.path_info):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()
            return None
        translation.activate(public_language())
        request.LANGUAGE_CODE = translation.get_language()
        return None

    def process_response(self, request, response):
        # Nothing here depends on Accept-Language any more: no `Vary` on it, admin included.
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
