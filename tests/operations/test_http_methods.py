"""HEAD answers like GET (without a body) on every public URL of the demo site; OPTIONS is never
a server error. Monitoring probes and link checkers send HEAD."""

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def public_urls():
    urls = [page.url for page in Page.objects.live().public().specific() if page.depth > 1]
    urls = [url for url in urls if url]
    from news.models import NewsIndexPage

    urls += [index.url + "rss/" for index in NewsIndexPage.objects.live().public()]
    return urls + [
        "/tim-kiem/",
        "/tim-kiem/?q=02-NQ%2FTW",
        "/tim-kiem/goi-y/",
        "/tim-kiem/goi-y/?q=c%C3%B4ng+%C4%91o%C3%A0n",
        "/robots.txt",
        "/sitemap.xml",
        "/favicon.ico",
        "/healthz",
    ]


def test_head_answers_like_get_on_every_public_url(demo_content, settings):
    settings.PAGE_CACHE_ENABLED = True
    urls = public_urls()
    assert len(urls) > 20
    for url in urls:
        cache.clear()  # cold: the HEAD is the first request (robots.txt was 405 then)
        head = Client().head(url)
        get = Client().get(url)
        assert get.status_code in (200, 301, 302), (url, get.status_code)
        assert head.status_code == get.status_code, (url, head.status_code, get.status_code)
        assert head["Content-Type"] == get["Content-Type"], url
        assert head.content == b"", url
        # Warm: the cached answer too.
        assert Client().head(url).status_code == get.status_code, url


def test_options_is_never_a_server_error(demo_content):
    for url in public_urls():
        response = Client().options(url)
        assert response.status_code < 500, (url, response.status_code)


def test_healthz_reports_database_and_cache_and_is_never_cached(db):
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    head = Client().head("/healthz")
    assert head.status_code == 200 and head.content == b""


def test_healthz_with_redis_down_is_degraded_not_down(db, redis_server, redis_cache):
    redis_server.stop()
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


def test_head_bodies_are_dropped_by_the_app_with_gets_length(rf):
    """gunicorn would drop them too, logging a warning per HEAD (monitoring probes)."""
    import io

    from django.http import FileResponse, HttpResponse

    from portal.head import HeadWithoutBodyMiddleware

    page = HeadWithoutBodyMiddleware(lambda request: HttpResponse("Trang chủ"))
    head = page(rf.head("/"))
    assert head.content == b"" and head["Content-Length"] == str(len("Trang chủ".encode()))
    assert page(rf.get("/")).content == "Trang chủ".encode()

    stream = HeadWithoutBodyMiddleware(lambda request: FileResponse(io.BytesIO(b"%PDF-1.4")))
    assert b"".join(stream(rf.head("/tai-lieu/1/x.pdf")).streaming_content) == b""
