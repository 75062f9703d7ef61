"""The demo Site and every absolute link follow the address the site is served on: `make run
HOST=… PORT=…` passes it to load_demo_content; production sets SITE_URL and runs
set_site_address."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Site

from home import site_address

pytestmark = pytest.mark.django_db


@pytest.fixture
def clean_site_cache():
    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()


def test_addresses_are_parsed():
    assert site_address.parse("https://congdoan.example.vn") == ("congdoan.example.vn", 443)
    assert site_address.parse("http://127.0.0.1:8123/") == ("127.0.0.1", 8123)
    assert site_address.parse("localhost") == ("localhost", 80)


def test_make_run_address_reaches_every_absolute_link(demo_site, client, clean_site_cache):
    call_command("load_demo_content", "--host", "127.0.0.1", "--port", "8123", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    # A second run changes nothing.
    call_command("load_demo_content", "--host", "127.0.0.1", "--port", "8123", stdout=io.StringIO())
    assert Site.objects.filter(hostname="127.0.0.1", port=8123).count() == 1
    home = client.get("/", HTTP_HOST="127.0.0.1:8123").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8123/">' in home
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8123").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(loc.startswith("http://127.0.0.1:8123/") for loc in locations)
    article = client.get(
        "/tin-tuc/hoi-nghi-lan-thu-4-ban-chap-hanh-tong-lien-doan-khoa-xiii/",
        HTTP_HOST="127.0.0.1:8123",
    ).content.decode()
    absolute = re.findall(r'(?:href|content)="(https?://[^"/]+)/', article)
    own = [url for url in absolute if "127.0.0.1" in url or "localhost" in url]
    assert own and set(own) == {"http://127.0.0.1:8123"}


def test_production_takes_site_url(demo_site, settings, clean_site_cache):
    settings.SITE_URL = "https://congdoan.example.vn"
    out = io.StringIO()
    call_command("set_site_address", stdout=out)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("congdoan.example.vn", 443)
    assert "đã cập nhật" in out.getvalue()
    call_command("set_site_address", stdout=out)
    assert "không đổi" in out.getvalue()
    assert site.root_url == "https://congdoan.example.vn"


@pytest.mark.parametrize(
    "path",
    [
        "/vi-phuc-loi-doan-vien/doi-tac/sieu-thi-mau-a/",
        "/vi-phuc-loi-doan-vien/",
        "/tin-tuc/hoi-nghi-lan-thu-4-ban-chap-hanh-tong-lien-doan-khoa-xiii/",
        "/tim-kiem/?q=cong+doan",
        "/robots.txt",
    ],
)
def test_absolute_links_come_from_the_site_not_the_request_host(
    demo_site, client, settings, clean_site_cache, path
):
    """A page asked for under another name of the server (a proxy's, an IP, a forged Host) still
    links to the configured address: canonical, og:url, share links, JSON-LD, robots.txt."""
    from django.core.cache import cache

    settings.ALLOWED_HOSTS = ["*"]
    Site.objects.filter(is_default_site=True).update(hostname="congdoan.example.vn", port=443)
    Site.clear_site_root_paths_cache()
    cache.clear()
    body = client.get(path, HTTP_HOST="10.0.0.7:8080").content.decode()
    assert "10.0.0.7" not in body and "10.0.0.7" not in body.replace("%3A", ":")
    own = re.findall(r"https?://congdoan\.example\.vn[^\"'\s<]*", body)
    assert own, path
    if path.startswith("/vi-phuc-loi-doan-vien/doi-tac/"):
        url = "https://congdoan.example.vn" + path
        assert f'<link rel="canonical" href="{url}">' in body
        assert f'<meta property="og:url" content="{url}">' in body
        assert f'data-copy-url="{url}"' in body
        assert "https%3A%2F%2Fcongdoan.example.vn%2Fvi-phuc-loi-doan-vien%2Fdoi-tac%2F" in body
        assert f'"@id": "{url}#partner"' in body  # JSON-LD
