"""The page cache and the remembered parts on Redis (REDIS_URL in production), against the
Redis server of the machine (127.0.0.1:6379, or TEST_REDIS_URL). Values go through pickle
there (local memory keeps them too, but in the same process), and the generation lives under a
key every worker shares instead of a file."""

import os
import socket
import uuid
from urllib.parse import urlsplit

import pytest
from django.core.cache import caches
from django.test import Client
from wagtail.models import Page

from portal.pagecache import generation
from tests.page_cache import cache_status

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_reachable():
    parts = urlsplit(REDIS_URL)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=0.5):
            return True
    except OSError:
        return False


pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not redis_reachable(),
        reason=f"no Redis server at {REDIS_URL} (set TEST_REDIS_URL to use another one)",
    ),
]


@pytest.fixture
def redis_cache(settings):
    """Django's Redis cache as the default cache, under a key prefix of its own (nothing else on
    the server is touched; the test's keys are deleted afterwards)."""
    local = settings.CACHES
    prefix = f"cdvc-test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
            "TIMEOUT": 120,
        }
    }
    settings.PAGE_CACHE_ENABLED = True
    yield caches["default"]
    client = caches["default"]._cache.get_client(write=True)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    settings.CACHES = local  # before the suite's cache.clear(), which would flush the database


def test_pages_and_remembered_parts_round_trip_through_redis(redis_cache, home_page, settings):
    about = Page(title="Giới thiệu", slug="gioi-thieu", show_in_menus=True)
    home_page.add_child(instance=about)
    about.save_revision().publish()
    visitor = Client()
    visitor.get("/")  # creates the site settings row (a purge)
    assert cache_status(visitor.get("/")) == "miss"
    hit = visitor.get("/")
    assert cache_status(hit) == "hit" and "Giới thiệu" in hit.content.decode()
    token = redis_cache.get(generation.GENERATION_KEY)
    assert token and generation.current() == token

    # Page cache off: the menu, the Site and the settings come back from Redis, unpickled.
    settings.PAGE_CACHE_ENABLED = False
    assert "Giới thiệu" in Client().get("/").content.decode()
    html = Client().get("/").content.decode()
    assert "Giới thiệu" in html and "CÔNG ĐOÀN VIÊN CHỨC VIỆT NAM" in html

    # A publish in any process changes the shared key: every worker stops serving old copies.
    about.title = "Về chúng tôi"
    about.save_revision().publish()
    assert redis_cache.get(generation.GENERATION_KEY) != token
    html = Client().get("/").content.decode()
    assert "Về chúng tôi" in html and "Giới thiệu" not in html
    settings.PAGE_CACHE_ENABLED = True
    assert cache_status(Client().get("/")) == "miss"
    assert "Về chúng tôi" in Client().get("/").content.decode()


def test_a_narrow_purge_reaches_every_worker_through_redis(
    redis_cache, news_index, union_category, policy_category
):
    """Versions of the purged paths live in Redis: one article published leaves another article
    cached and makes its index and its tag page fresh, in one round trip per lookup."""
    from news.factories import NewsArticlePageFactory

    changed = NewsArticlePageFactory(
        parent=news_index, title="Hội nghị lần thứ 4", category=union_category, tags=["Đại hội"]
    )
    other = NewsArticlePageFactory(
        parent=news_index, title="Tháng Công nhân", category=policy_category
    )
    visitor = Client()
    visitor.get("/")  # creates the site settings row (a purge)
    for url in (other.url, news_index.url):
        visitor.get(url)
        assert cache_status(visitor.get(url)) == "hit"
    token = redis_cache.get(generation.GENERATION_KEY)

    changed.title = "Hội nghị Ban Chấp hành lần thứ 4"
    changed.save_revision().publish()
    assert redis_cache.get(generation.GENERATION_KEY) == token  # not a whole-site purge
    assert cache_status(visitor.get(other.url)) == "hit"
    response = visitor.get(news_index.url)
    assert cache_status(response) == "miss"
    assert "Hội nghị Ban Chấp hành lần thứ 4" in response.content.decode()
