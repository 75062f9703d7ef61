"""Redis stopped or frozen: every page and the sign-up keep working, uncached; one log line per
outage; Redis back: pages are cached again (docs/operations.md, "When a part fails")."""

import logging
import time

import pytest
from django.test import Client

from campaigns.models import SignupPage
from campaigns.registry.models import MemberSignup
from news.models import NewsArticlePage
from portal.cache import outage
from tests.campaigns.registry_helpers import form_data
from tests.page_cache import cache_status

pytestmark = pytest.mark.django_db


def public_urls():
    article = NewsArticlePage.objects.live().public().first()
    signup = SignupPage.objects.live().public().first()
    return {
        "home": "/",
        "article": article.url,
        "search": "/tim-kiem/?q=ngh%E1%BB%8B+quy%E1%BA%BFt",
        "suggestions": "/tim-kiem/goi-y/?q=c%C3%B4ng",
        "signup": signup.url,
    }


def assert_site_serves(urls, phone):
    visitor = Client()
    for name, url in urls.items():
        response = visitor.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        assert cache_status(response) != "hit", name
    # The admin login (its throttle counts in the cache) answers too: a refused password, no 500.
    login = visitor.post("/admin/login/", {"username": "khong-co", "password": "sai-mat-khau"})
    assert login.status_code == 200
    before = MemberSignup.objects.count()
    response = visitor.post(urls["signup"], form_data(phone=phone))
    assert response.status_code in (200, 302, 303), response.status_code
    assert MemberSignup.objects.count() == before + 1  # acknowledged and kept


def wait_for_recovery(visitor, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        visitor.get("/")
        if not outage.down:
            return
        time.sleep(0.1)
    raise AssertionError("the cache never came back")


def assert_cached_soon(visitor, url, seconds=20.0):
    """The page comes from the cache within a few requests. On a busy machine one Redis reply can
    take longer than the cache's short timeout, which counts as an outage for a 0.2 s pause
    (redis_cache fixture): the page is then served uncached, and cached again right after."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if cache_status(visitor.get(url)) == "hit":
            return
        time.sleep(0.25)
    raise AssertionError(f"{url} never came from the cache")


def outage_lines(caplog):
    return [r for r in caplog.records if r.name == "portal.cache" and "unreachable" in r.message]


@pytest.mark.parametrize("fault", ["stopped", "frozen"])
def test_site_serves_without_redis_and_caches_again_when_it_is_back(
    demo_content, redis_server, redis_cache, caplog, fault
):
    urls = public_urls()
    visitor = Client()
    assert_cached_soon(visitor, "/")

    caplog.set_level(logging.WARNING, logger="portal.cache")
    if fault == "stopped":
        redis_server.stop()
    else:
        redis_server.freeze()
    assert_site_serves(urls, "0912345601")
    assert_site_serves(urls, "0912345602")
    assert len(outage_lines(caplog)) == 1  # one line for the outage, not one per request

    if fault == "stopped":
        redis_server.start()
    else:
        redis_server.thaw()
    wait_for_recovery(visitor)
    assert [r for r in caplog.records if "answers again" in r.message]
    assert_cached_soon(visitor, "/")
    assert_cached_soon(visitor, urls["article"])


def test_a_purge_lost_during_the_outage_is_not_undone_by_the_return(
    demo_content, redis_server, redis_cache, settings
):
    """An editor publishes while Redis is away (the purge cannot reach it); when Redis comes back
    with the pages of before, they must not be served."""
    article = NewsArticlePage.objects.live().public().first()
    visitor = Client()
    assert_cached_soon(visitor, article.url)

    redis_server.freeze()
    settings.CACHE_RETRY_SECONDS = 60  # nothing reaches Redis until the test says so
    visitor.get("/")  # this process finds Redis unreachable
    assert outage.down
    article.title = "Tiêu đề mới sau khi sửa"
    article.save_revision().publish()  # its purge cannot reach Redis
    assert "Tiêu đề mới sau khi sửa" in visitor.get(article.url).content.decode()
    redis_server.thaw()
    outage.retry_at = 0  # the pause is over: the next call tries Redis again
    wait_for_recovery(visitor)
    assert "Tiêu đề mới sau khi sửa" in visitor.get(article.url).content.decode()
