"""The anonymous page cache: hits, what is never cached, headers and conditional GET."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page

from tests.page_cache import TOKEN_INPUT, cache_status, two_visitors

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

NONCE_ATTR = re.compile(r'nonce="([^"]+)"')
CSP_NONCE = re.compile(r"'nonce-([^']+)'")


def editor():
    return get_user_model().objects.create_superuser("bientap", "bt@example.vn", "mat-khau-dai-1")


def without_nonce(response):
    nonce = CSP_NONCE.search(response["Content-Security-Policy"]).group(1)
    return response.content.replace(nonce.encode(), b"NONCE")


def test_second_anonymous_request_is_a_hit_without_any_query(
    client, home_page, django_assert_num_queries
):
    first = client.get("/")
    assert first.status_code == 200
    assert cache_status(first) == "miss"
    with django_assert_num_queries(0):
        second = client.get("/")
    assert cache_status(second) == "hit"
    assert second.status_code == 200
    # The same page, but for the CSP nonce, which is new in every response.
    assert without_nonce(second) == without_nonce(first)
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]
    assert "CÔNG ĐOÀN VIÊN CHỨC VIỆT NAM" in second.content.decode()
    # Headers the inner middleware added on the miss come back on the hit.
    for header in ("Content-Type", "X-Frame-Options", "Permissions-Policy", "Vary"):
        assert second[header] == first[header]


def test_public_pages_say_how_long_they_may_be_kept(client, home_page, settings):
    response = client.get("/")
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert directives == {
        "public",
        f"max-age={settings.PAGE_CACHE_MAX_AGE}",
        f"s-maxage={settings.PAGE_CACHE_S_MAXAGE}",
    }
    assert response["ETag"].startswith('W/"')
    assert response.has_header("Last-Modified")
    assert client.get("/")["ETag"] == response["ETag"]


def test_if_none_match_gets_304_on_a_miss_and_on_a_hit(client, home_page):
    etag = client.get("/")["ETag"]
    hit = client.get("/", headers={"if-none-match": etag})
    assert hit.status_code == 304
    assert hit.content == b""
    assert hit["ETag"] == etag
    assert "public" in hit["Cache-Control"]

    # A fresh cache (e.g. another worker): the rendered page is compared, still 304.
    from django.core.cache import cache

    cache.clear()
    miss = client.get("/", headers={"if-none-match": etag})
    assert miss.status_code == 304
    # A different version: the whole page.
    assert client.get("/", headers={"if-none-match": 'W/"other"'}).status_code == 200


def test_if_modified_since_gets_304(client, home_page):
    last_modified = client.get("/")["Last-Modified"]
    assert client.get("/", headers={"if-modified-since": last_modified}).status_code == 304


def test_head_is_answered_from_the_cache_without_a_body(client, home_page):
    get = client.get("/")
    head = client.head("/")
    assert cache_status(head) == "hit"
    assert head.content == b""
    assert int(head["Content-Length"]) == len(get.content)


@pytest.mark.urls("tests.performance.urls")
def test_cached_page_nonce_matches_its_csp_header_and_changes_per_response(client, home_page):
    nonces = set()
    for expected in ("miss", "hit", "hit"):
        response = client.get("/test-cache/nonce/")
        assert cache_status(response) == expected
        (body_nonce,) = NONCE_ATTR.findall(response.content.decode())
        (header_nonce,) = CSP_NONCE.findall(response["Content-Security-Policy"])
        assert body_nonce == header_nonce
        nonces.add(body_nonce)
    # Every reader gets their own nonce: a cached page does not hand out a reusable one.
    assert len(nonces) == 3


# --- Never cached ------------------------------------------------------------------------------


def test_logged_in_users_bypass_the_cache_and_never_fill_it(client, home_page):
    client.get("/")  # an anonymous copy is cached
    client.force_login(editor())
    response = client.get("/")
    assert cache_status(response) == "bypass"
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    # Another page, first seen by the editor, is not stored for anonymous readers.
    client.get("/sitemap.xml")
    anonymous = Client()
    assert cache_status(anonymous.get("/sitemap.xml")) == "miss"


def test_editor_page_with_userbar_never_reaches_anonymous_readers(client, home_page):
    client.force_login(editor())
    editor_html = client.get("/").content.decode()
    assert "wagtail-userbar" in editor_html
    anonymous = Client()
    for _ in range(2):
        assert "wagtail-userbar" not in anonymous.get("/").content.decode()


def test_preview_and_draft_never_reach_anonymous_readers(client, home_page):
    child = Page(title="Giới thiệu", slug="gioi-thieu", show_in_menus=True)
    home_page.add_child(instance=child)
    anonymous = Client()
    assert "Giới thiệu" in anonymous.get("/").content.decode()

    child.title = "Bản nháp chưa duyệt"
    child.save_revision()  # a draft: readers still see the published page, from the cache
    client.force_login(editor())
    preview = client.get(f"/admin/pages/{child.pk}/view_draft/")
    assert "Bản nháp chưa duyệt" in preview.content.decode()
    assert cache_status(preview) == "bypass"

    response = anonymous.get("/")
    assert cache_status(response) == "hit"
    assert "Bản nháp chưa duyệt" not in response.content.decode()


def test_post_is_never_answered_from_the_cache_nor_cached(client, home_page):
    client.get("/")
    post = client.post("/", {"x": "1"})
    assert cache_status(post) == "bypass"


@pytest.mark.urls("tests.performance.urls")
def test_responses_that_set_cookies_are_not_cached(client, home_page):
    for _ in range(2):
        response = client.get("/test-cache/cookie/")
        assert cache_status(response) == "bypass"
        assert response.cookies["seen"].value == "1"
    assert "private" in response["Cache-Control"]


@pytest.mark.urls("tests.performance.urls")
def test_private_and_error_responses_are_not_cached(client, home_page):
    for _ in range(2):
        assert cache_status(client.get("/test-cache/private/")) == "bypass"
        assert cache_status(client.get("/test-cache/missing/")) == "bypass"
        assert cache_status(client.get("/khong-co-trang-nay/")) == "bypass"


def test_admin_login_with_its_csrf_token_is_never_cached(home_page):
    for _ in range(2):
        response = Client().get("/admin/login/")
        assert cache_status(response) in (None, "bypass")
        assert "public" not in response.get("Cache-Control", "")


@pytest.mark.urls("tests.performance.urls")
def test_a_form_page_gives_each_visitor_their_own_csrf_token(home_page):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    page_one = first.get("/test-cache/form/")
    page_two = second.get("/test-cache/form/")
    assert (cache_status(page_one), cache_status(page_two)) == ("miss", "hit")
    (token_one,) = TOKEN_INPUT.findall(page_one.content.decode())
    (token_two,) = TOKEN_INPUT.findall(page_two.content.decode())
    assert token_one != token_two
    # Each visitor gets a CSRF cookie of their own, and the page is never shared downstream.
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    for response in (page_one, page_two):
        assert "private" in response["Cache-Control"]
        assert not response.has_header("ETag")
    # Each token works with its owner's cookie...
    ok = second.post("/test-cache/form/", {"csrfmiddlewaretoken": token_two, "name": "Lan"})
    assert ok.status_code == 200
    assert "Đã nhận: Lan" in ok.content.decode()
    # ...and the other visitor's token from the cached page does not.
    stolen = second.post("/test-cache/form/", {"csrfmiddlewaretoken": token_one, "name": "X"})
    assert stolen.status_code == 403


@pytest.mark.urls("tests.performance.urls")
def test_a_returning_visitor_keeps_their_csrf_cookie(home_page):
    visitor = Client(enforce_csrf_checks=True)
    Client().get("/test-cache/form/")  # someone else fills the cache
    visitor.get("/test-cache/")  # nothing
    first = visitor.get("/test-cache/form/")
    cookie = visitor.cookies["csrftoken"].value
    again = visitor.get("/test-cache/form/")
    assert cache_status(again) == "hit"
    assert visitor.cookies["csrftoken"].value == cookie
    (token,) = TOKEN_INPUT.findall(again.content.decode())
    assert visitor.post("/test-cache/form/", {"csrfmiddlewaretoken": token}).status_code == 200
    assert first.status_code == 200


@pytest.mark.urls("tests.performance.urls")
def test_a_page_showing_the_csrf_token_outside_the_form_is_never_cached(home_page):
    for _ in range(2):
        response = Client().get("/test-cache/leaky-form/")
        assert cache_status(response) == "bypass"
        assert "private" in response["Cache-Control"]


def test_arbitrary_query_strings_bypass_the_cache(client, home_page):
    client.get("/")
    for query in ("?q=cong+doan", "?foo=1", "?page=1&page=2", "?page=%3Cscript%3E"):
        assert cache_status(client.get("/" + query)) == "bypass"


def test_page_parameter_is_part_of_the_key(client, home_page):
    assert cache_status(client.get("/?page=2")) == "miss"
    assert cache_status(client.get("/?page=2")) == "hit"
    assert cache_status(client.get("/?page=3")) == "miss"


def test_tracking_parameters_are_served_from_the_cache_but_never_stored(client, home_page):
    first = client.get("/?fbclid=IwAR0abc&utm_source=zalo")
    assert cache_status(first) == "bypass"
    assert cache_status(client.get("/")) == "miss"
    shared_link = client.get("/?fbclid=IwAR0xyz")
    assert cache_status(shared_link) == "hit"
    assert b"IwAR0" not in shared_link.content


def test_session_and_message_cookies_bypass_the_cache(home_page):
    Client().get("/")
    for name in ("sessionid", "messages"):
        visitor = Client()
        visitor.cookies[name] = "x"
        assert cache_status(visitor.get("/")) == "bypass"


def test_one_copy_for_every_browser_language(home_page):
    """Public pages are Vietnamese whatever Accept-Language says (PublicLanguageMiddleware):
    a browser preferring English gets the copy a Vietnamese browser stored."""
    assert cache_status(Client(headers={"accept-language": "vi"}).get("/")) == "miss"
    english = Client(headers={"accept-language": "en"})
    response = english.get("/")
    assert cache_status(response) == "hit"
    assert response["Content-Language"] == "vi"


def test_cache_can_be_switched_off(client, home_page, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/")
    assert cache_status(client.get("/")) is None


def signup_campaign(home_page):
    from tests.campaigns.campaign_helpers import make_campaign, make_campaign_index
    from tests.campaigns.registry_helpers import make_notice

    make_notice()
    campaign = make_campaign(
        make_campaign_index(home_page),
        "Tháng Công nhân 2024",
        body=[("signup", {"heading": "Tham gia Công đoàn ngay", "intro": "Mời bạn đăng ký."})],
    )
    campaign.save_revision().publish()
    return campaign


def test_a_campaign_page_with_the_sign_up_form_is_cached_with_fresh_per_visitor_values(
    home_page, settings, django_assert_num_queries
):
    from campaigns.registry.models import MemberSignup
    from campaigns.registry.normalise import normalise_phone
    from tests.campaigns.registry_helpers import form_data

    settings.REGISTRY_MIN_FILL_SECONDS = 0
    campaign = signup_campaign(home_page)
    second, page_one, page_two, token_two, started_two = two_visitors(
        campaign.url, "started", django_assert_num_queries
    )
    html_two = page_two.content.decode()
    assert "Tham gia Công đoàn ngay" in html_two and 'name="phone"' in html_two
    for response in (page_one, page_two):
        assert not response.has_header("ETag")
    # The visitor served from the cache signs up with their own token and timestamp.
    response = second.post(
        campaign.url,
        form_data(csrfmiddlewaretoken=token_two, started=started_two, phone="0987 654 321"),
    )
    assert response.status_code == 303
    assert MemberSignup.objects.filter(phone=normalise_phone("0987654321")).count() == 1
    # The confirmation and a form re-shown with errors are never stored.
    done = second.get(response["Location"])
    assert cache_status(done) == "bypass" and "Cảm ơn bạn" in done.content.decode()
    errors = second.post(campaign.url, form_data(csrfmiddlewaretoken=token_two, phone="12"))
    assert errors.status_code == 200 and cache_status(errors) == "bypass"
    assert cache_status(Client().get(campaign.url)) == "hit"


def test_a_new_privacy_notice_reaches_a_cached_sign_up_form_at_once(home_page):
    """A person consents to the notice they read: the version the form shows is the version
    their consent records, so a new notice must not wait for the cached page to expire."""
    from campaigns.registry.models import PrivacyNotice
    from tests.campaigns.registry_helpers import make_notice

    campaign = signup_campaign(home_page)
    Client().get(campaign.url)
    cached = Client().get(campaign.url)
    assert cache_status(cached) == "hit"
    assert "Phiên bản thông báo: 1" in cached.content.decode()
    make_notice(body="<p>Bản thông báo mới về dữ liệu cá nhân.</p>")
    assert PrivacyNotice.current().version == 2
    fresh = Client().get(campaign.url)
    html = fresh.content.decode()
    assert cache_status(fresh) == "miss"
    assert "Phiên bản thông báo: 2" in html and "Bản thông báo mới" in html


def test_a_form_page_whose_timestamp_is_missing_is_never_stored(home_page, monkeypatch):
    from portal.pagecache import holes

    campaign = signup_campaign(home_page)
    never = holes.Hole("signup_started", re.compile(rb"(never-there)"), lambda request: "x")
    monkeypatch.setitem(holes._registry, "signup_started", never)
    for _ in range(2):
        assert cache_status(Client().get(campaign.url)) == "bypass"


def test_the_page_cache_uses_no_private_django_or_wagtail_name():
    """Private names (a leading underscore) may change in any minor release, silently."""
    import ast
    from pathlib import Path

    import portal.pagecache

    found = []
    for source in Path(portal.pagecache.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(), str(source))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in (
                "django",
                "wagtail",
            ):
                found += [f"{source.name}: {a.name}" for a in node.names if a.name[0] == "_"]
            elif isinstance(node, ast.Attribute) and node.attr.startswith("_"):
                base = node.value
                if isinstance(base, ast.Name) and base.id in ("csrf", "django", "wagtail"):
                    found.append(f"{source.name}: {base.id}.{node.attr}")
    assert found == []
