"""Public pages are Vietnamese whatever the browser prefers: `Content-Language: vi`, no
`Vary: Accept-Language`, and one page-cache copy for every browser language. The admin is
Vietnamese too for a browser preferring English (issue 18); an editor who wants English chooses it
in their account (Wagtail's preferred language)."""

import pytest

from tests.page_cache import page_cache_on

pytestmark = pytest.mark.django_db

ENGLISH_FIRST = "en-US,en;q=0.9"


def vary(response):
    return {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}


@pytest.mark.parametrize("accept", [ENGLISH_FIRST, "vi", "fr-FR,fr;q=0.8", ""])
def test_public_pages_are_vietnamese_for_every_browser(client, home_page, accept):
    for url in ("/", "/tim-kiem/?q=cong+doan", "/khong-co-trang-nay/"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=accept)
        assert response["Content-Language"] == "vi", url
        assert "accept-language" not in vary(response), url
        html = response.content.decode()
        assert '<html lang="vi">' in html
        assert "Bỏ qua, đến nội dung chính" in html


def test_the_admin_is_vietnamese_unless_the_editor_chose_otherwise(client, django_user_model):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=ENGLISH_FIRST)
    assert response["Content-Language"] == "vi"
    assert "accept-language" not in vary(response)
    assert "Sign in" not in response.content.decode()
    assert client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="vi")["Content-Language"] == "vi"

    editor = django_user_model.objects.create_superuser("bientap", "b@example.vn", "x")
    client.force_login(editor)
    dashboard = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=ENGLISH_FIRST).content.decode()
    assert '<html lang="vi"' in dashboard
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    dashboard = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<html lang="en"' in dashboard


def test_the_page_cache_keeps_one_copy_for_every_browser_language(
    client, home_page, settings, tmp_path
):
    page_cache_on(settings, tmp_path)
    first = client.get("/", HTTP_ACCEPT_LANGUAGE="vi")
    assert first["X-Page-Cache"] == "miss"
    for accept in (ENGLISH_FIRST, "fr", ""):
        again = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
        assert again["X-Page-Cache"] == "hit", accept
        assert again["Content-Language"] == "vi"
        assert b'<html lang="vi">' in again.content
