import os

import pytest

from tests.page_cache import page_cache_on
from tests.processes import run_python


@pytest.fixture
def page_cache(settings, tmp_path, db):
    """The page cache on (tests.page_cache.page_cache_on); its settings."""
    return page_cache_on(settings, tmp_path)


def in_another_process(page_cache, code):
    """Run `code` in another Django process (a cron job, another gunicorn worker) that shares
    this one's page-cache generation file (`page_cache` is that fixture's settings)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "PAGE_CACHE_GENERATION_FILE": page_cache.PAGE_CACHE_GENERATION_FILE,
    }
    run_python(f"import django; django.setup(); {code}", env, check=True)
