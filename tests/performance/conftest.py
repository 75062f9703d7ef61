import os

import pytest

from tests.processes import run_python


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


def in_another_process(page_cache, code):
    """Run `code` in another Django process (a cron job, another gunicorn worker) that shares
    this one's page-cache generation file (`page_cache` is that fixture's settings)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "PAGE_CACHE_GENERATION_FILE": page_cache.PAGE_CACHE_GENERATION_FILE,
    }
    run_python(f"import django; django.setup(); {code}", env, check=True)
