"""The admin login refuses further attempts after repeated failures, revealing nothing."""

import pytest

from portal.limits.models import Counter

LOGIN = "/admin/login/"
PASSWORD = "mat-khau-dung-123456"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("bientap", "bt@example.vn", PASSWORD)


def attempt(client, username, password, ip="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def fail(client, username, times, ip="203.0.113.7"):
    for _ in range(times):
        response = attempt(client, username, "sai-mat-khau", ip)
        assert response.status_code == 200  # the form again, with Wagtail's generic error


@pytest.mark.django_db
def test_five_failures_block_even_the_right_password(client, editor):
    fail(client, "bientap", 5)
    response = attempt(client, "bientap", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Có quá nhiều lần đăng nhập không thành công" in html
    assert "thử lại sau 15 phút" in html
    assert response["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session
    # The refusal carries the usual security headers too.
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in response


@pytest.mark.django_db
def test_four_failures_still_allow_the_right_password(client, editor):
    fail(client, "bientap", 4)
    response = attempt(client, "bientap", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@pytest.mark.django_db
def test_success_resets_the_count(client, editor):
    fail(client, "bientap", 4)
    assert attempt(client, "bientap", PASSWORD).status_code == 302
    client.logout()
    fail(client, "bientap", 4)
    assert attempt(client, "bientap", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_refusal_does_not_reveal_whether_the_account_exists(client, editor):
    fail(client, "bientap", 5)
    fail(client, "khong-ton-tai", 5)
    existing = attempt(client, "bientap", "x")
    missing = attempt(client, "khong-ton-tai", "x")
    assert existing.status_code == missing.status_code == 429
    assert existing.content == missing.content


@pytest.mark.django_db
def test_other_addresses_and_other_accounts_are_not_locked_out(client, editor):
    fail(client, "bientap", 5, ip="203.0.113.7")
    assert attempt(client, "bientap", PASSWORD, ip="198.51.100.20").status_code == 302
    client.logout()
    assert attempt(client, "nguoi-khac", "sai", ip="203.0.113.7").status_code == 200


@pytest.mark.django_db
def test_spraying_many_usernames_from_one_address_is_blocked(client, editor, settings):
    settings.LOGIN_THROTTLE_MAX_FAILURES_PER_IP = 8
    for index in range(8):
        fail(client, f"tai-khoan-{index}", 1)
    assert attempt(client, "bientap", PASSWORD).status_code == 429


@pytest.mark.django_db
def test_window_expiry_unlocks(client, editor):
    fail(client, "bientap", 5)
    assert attempt(client, "bientap", PASSWORD).status_code == 429
    Counter.objects.update(expires=0)  # what happens when the 15-minute window runs out
    assert attempt(client, "bientap", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_stored_keys_hold_no_username_or_address(client, editor):
    fail(client, "bientap", 2)
    keys = list(Counter.objects.values_list("key", flat=True))
    assert len(keys) == 2
    for key in keys:
        assert "bientap" not in key and "203.0.113.7" not in key


@pytest.mark.django_db
def test_proxy_header_names_the_client(client, editor, settings):
    settings.LOGIN_THROTTLE_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"

    def log_in_behind_the_proxy(password, client_ip):
        credentials = {"username": "bientap", "password": password}
        return client.post(
            LOGIN, credentials, REMOTE_ADDR="10.0.0.1", headers={"x-real-ip": client_ip}
        )

    for _ in range(5):
        log_in_behind_the_proxy("sai", "203.0.113.9")
    assert log_in_behind_the_proxy(PASSWORD, "203.0.113.9").status_code == 429
    assert log_in_behind_the_proxy(PASSWORD, "198.51.100.1").status_code == 302
