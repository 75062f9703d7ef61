import pytest


@pytest.fixture
def page_cache(settings, tmp_path, db):
    """The page cache on, with its own generation file (other test runs may share the
    checkout's default file). The site setting row, which Wagtail creates on the first page view
    (a save, hence a purge), is created up front."""
    from wagtail.models import Site

    from home.models import SiteBranding

    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "page-cache-generation")
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        SiteBranding.for_site(site)
    return settings


def cache_status(response):
    return response.headers.get("X-Page-Cache")
