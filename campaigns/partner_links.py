"""Where a partner lives: at `doi-tac/<slug>/` under the programme page, whose URL is cached
(partners link to it from every listing) and forgotten when a partner or that page changes.
No model is imported here, so blocks and template tags can use it without importing the models."""

from django.apps import apps
from django.core.cache import cache

__all__ = [
    "PARTNER_LOGO_SPEC",
    "STRIP_LOGO_SPEC",
    "PartnerLinksMixin",
    "forget_partner_caches",
    "partner_programme_url",
]

# A partner's logo on its card and in the logo strip.
PARTNER_LOGO_SPEC = "max-240x120"
STRIP_LOGO_SPEC = "height-96"

PROGRAMME_URL_CACHE_KEY = "campaigns:partner-programme-url"


def _programme_pages():
    # By name, not imported: the programme page's module imports the partner models.
    return apps.get_model("campaigns", "PartnerProgramPage").objects


class PartnerLinksMixin:
    """URLs and preview of `Partner`."""

    def get_url(self, request=None):
        base = getattr(self, "_programme_url", None) or partner_programme_url(request)
        if not base or not self.slug:
            return None
        return f"{base}doi-tac/{self.slug}/"

    @property
    def url(self):
        return self.get_url()

    def get_full_url(self, request=None):
        from portal.structured_data import absolute

        return absolute(request, self.get_url(request))

    def get_preview_template(self, request, mode_name):
        return "campaigns/partner_page.html"

    def get_preview_context(self, request, mode_name):
        page = _programme_pages().live().first()
        return {"partner": self, "page": page, "self": page, "request": request}


def partner_programme_url(request=None):
    """The relative URL of the live PartnerProgramPage ('/vi-phuc-loi-doan-vien/'), or None.

    Cached so that linking N partners does not cost N page lookups; cleared when the programme
    page is saved, published, unpublished, moved or deleted.
    """
    url = cache.get(PROGRAMME_URL_CACHE_KEY)
    if url is None:
        page = _programme_pages().live().public().only("id", "url_path").first()
        url = (page.get_url(request) if page else "") or ""
        cache.set(PROGRAMME_URL_CACHE_KEY, url, 60 * 60)
    return url or None


def forget_partner_caches():
    cache.delete(PROGRAMME_URL_CACHE_KEY)
