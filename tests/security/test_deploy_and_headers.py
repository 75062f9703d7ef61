"""`check --deploy` is clean, and every response carries the security headers."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import Page

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def manage(*args, env):
    """`manage.py *args` in a process of its own: settings are read once per process."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.db_independent
def test_check_deploy_with_production_settings_prints_no_warnings():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SECURE_", "DJANGO_", "SESSION_", "CSRF_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="congdoan.example.vn",
        DEBUG="false",
    )
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output, output
    assert "WARNING" not in output


@pytest.mark.db_independent
def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.db_independent
def test_production_settings_are_hardened(production):
    assert production["DEBUG"] is False
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 31536000
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SESSION_COOKIE_SECURE"] and production["SESSION_COOKIE_HTTPONLY"]
    assert production["CSRF_COOKIE_SECURE"] and production["CSRF_COOKIE_HTTPONLY"]


def public_urls():
    """Pages of every kind the demo site has (one of each page type), plus the fixed views."""
    urls = ["/", "/khong-co-trang-nay/", "/tim-kiem/?q=cong+doan", "/tim-kiem/", "/robots.txt"]
    urls.append("/sitemap.xml")
    seen_types = set()
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        if page.content_type_id in seen_types:
            continue
        seen_types.add(page.content_type_id)
        url = page.get_url()
        if url:
            urls.append(url)
    return urls


FEED_LINK = re.compile(r"<link\b[^>]*\brel=\"alternate\"[^>]*>")
HREF = re.compile(r"\bhref=\"([^\"]+)\"")


def feed_urls(html):
    """The feeds a page announces (`<link rel="alternate" type="application/rss+xml">`)."""
    found = []
    for tag in FEED_LINK.findall(html):
        if "xml" in tag and (match := HREF.search(tag)):
            found.append(re.sub(r"^https?://[^/]+", "", match.group(1)))
    return found


def assert_common_headers(response, url, hsts=True):
    headers = response.headers
    assert headers.get("X-Content-Type-Options") == "nosniff", url
    assert headers.get("Referrer-Policy") == "strict-origin-when-cross-origin", url
    assert "camera=()" in headers.get("Permissions-Policy", ""), url
    csp = headers.get("Content-Security-Policy", "")
    assert csp, f"no CSP on {url}"
    assert headers.get("X-Frame-Options") in {"DENY", "SAMEORIGIN"} or "frame-ancestors" in csp, url
    if hsts:
        hsts_value = headers.get("Strict-Transport-Security", "")
        assert "max-age=31536000" in hsts_value and "includeSubDomains" in hsts_value, url
    return csp


def script_src(csp):
    match = re.search(r"script-src ([^;]*)", csp) or re.search(r"default-src ([^;]*)", csp)
    return match.group(1)


def iter_urls(urls, feeds):
    """The pages, then the feeds they announced while being checked."""
    yield from urls
    index = 0
    while index < len(feeds):
        yield feeds[index]
        index += 1


@pytest.mark.django_db
def test_every_public_response_carries_the_security_headers(client, demo_content, production):
    urls = public_urls()
    assert len(urls) >= 8
    feeds = []
    checked = []
    for url in iter_urls(urls, feeds):
        checked.append(url)
        response = client.get(url, secure=True, headers={"host": "congdoan.example.vn"})
        assert response.status_code in {200, 404}, (url, response.status_code)
        csp = assert_common_headers(response, url)
        assert "'unsafe-inline'" not in script_src(csp), url
        assert "'unsafe-eval'" not in script_src(csp), url
        assert "frame-ancestors 'none'" in csp, url
        assert response.headers["X-Frame-Options"] == "DENY", url
        if response["Content-Type"].startswith("text/html"):
            feeds += [feed for feed in feed_urls(response.content.decode()) if feed not in feeds]
            # The page's own inline scripts (JSON-LD) carry this response's nonce; nothing else.
            html = response.content.decode()
            nonce = re.search(r"'nonce-([^']+)'", csp)
            for tag in re.findall(r"<script\b[^>]*>", html):
                if "src=" in tag:
                    continue
                assert nonce and f'nonce="{nonce.group(1)}"' in tag, (url, tag)
            assert not re.search(
                r"\son[a-z]+\s*=", re.sub(r"<script.*?</script>", "", html, flags=re.S)
            ), url
    assert feeds, "no page announced a feed"
    assert set(feeds) <= set(checked)


@pytest.mark.django_db
def test_public_csp_allows_what_the_site_needs_and_nothing_inline(settings):
    from django.utils.csp import build_policy

    policy = build_policy(settings.SECURE_CSP, "n0nce")
    assert "script-src 'self' 'nonce-n0nce'" in policy
    assert "style-src 'self'" in policy and "style-src 'self' 'unsafe-inline'" not in policy
    assert "https://www.youtube-nocookie.com" in policy  # embeds from the body blocks
    assert "object-src 'none'" in policy
    assert "base-uri 'self'" in policy
    assert "form-action 'self'" in policy


@pytest.mark.django_db
def test_admin_gets_the_admin_policy_and_headers(client, production):
    response = client.get("/admin/login/", secure=True)
    assert response.status_code == 200
    csp = assert_common_headers(response, "/admin/login/")
    assert "frame-ancestors 'self'" in csp
    assert "object-src 'none'" in csp


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https_in_production(client, home_page, production):
    response = client.get("/", headers={"host": "congdoan.example.vn"})
    assert response.status_code == 301
    assert response["Location"] == "https://congdoan.example.vn/"


@pytest.mark.django_db
def test_hsts_is_not_sent_without_production_settings(client, home_page):
    response = client.get("/", secure=True)
    assert "Strict-Transport-Security" not in response.headers
    assert_common_headers(response, "/", hsts=False)


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_secure_and_http_only(client, production, django_user_model):
    django_user_model.objects.create_superuser("quantri", "qt@example.vn", "mat-khau-dai-12345")
    login_page = client.get("/admin/login/", secure=True)
    csrf = login_page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"

    response = client.post(
        "/admin/login/",
        {"username": "quantri", "password": "mat-khau-dai-12345"},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
