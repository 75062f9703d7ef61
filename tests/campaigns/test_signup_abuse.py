"""Abuse control that fits real campaigns (issue 16): hundreds of people behind one address get
through, one client replaying a form stores nothing new, a number cannot be replayed without end,
and a refused CSRF token keeps what the person typed."""

import pytest
from django.test import Client

from campaigns.registry.models import MemberSignup, SignupSubmission
from portal.limits.models import Counter, UsedToken
from tests.public_pages import input_value

from .registry_helpers import form_data, make_notice, make_signup_page, token

NAT_ADDRESS = "100.64.12.34"  # a carrier-grade NAT address shared by many phones


@pytest.fixture
def page(home_page):
    make_notice()
    return make_signup_page(home_page)


def person(n):
    """The n-th different person: own name, own number."""
    return {"full_name": f"Người Thứ {chr(0x41 + n % 26)}", "phone": f"0912{n:06d}"}


@pytest.mark.django_db
def test_two_hundred_people_behind_one_address_are_all_stored(page, settings):
    settings.REGISTRY_RATE_WINDOW = 600
    client = Client(REMOTE_ADDR=NAT_ADDRESS)
    answers = [client.post(page.url, form_data(**person(n))).status_code for n in range(200)]
    assert answers == [303] * 200
    assert MemberSignup.objects.count() == 200
    assert SignupSubmission.objects.count() == 200


@pytest.mark.django_db
def test_one_address_flooding_is_stopped(page, settings):
    settings.REGISTRY_RATE_LIMIT = 20
    client = Client(REMOTE_ADDR=NAT_ADDRESS)
    answers = [client.post(page.url, form_data(**person(n))).status_code for n in range(25)]
    assert answers == [303] * 20 + [429] * 5
    assert MemberSignup.objects.count() == 20


@pytest.mark.django_db
def test_a_replayed_form_stores_nothing_new(page):
    client = Client(REMOTE_ADDR="203.0.113.5")
    data = form_data()  # one token, as a bot would capture it
    first = client.post(page.url, data)
    assert first.status_code == 303
    for _ in range(30):
        again = client.post(page.url, data)
        # The same answer as the first time (a double click is not an error), nothing stored.
        assert again.status_code == 303
        assert again["Location"] == first["Location"]
    assert MemberSignup.objects.count() == 1
    assert SignupSubmission.objects.count() == 1
    assert UsedToken.objects.count() == 1


@pytest.mark.django_db
def test_a_replayed_token_with_other_content_shows_the_form_again(page, settings):
    settings.REGISTRY_MIN_FILL_SECONDS = 0  # the person sends the re-shown form at once
    client = Client(REMOTE_ADDR="203.0.113.5")
    started = token()
    assert client.post(page.url, form_data(started=started)).status_code == 303
    # Back, change the workplace, send again with the page's old token.
    response = client.post(page.url, form_data(started=started, workplace="Bệnh viện Bạch Mai"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Biểu mẫu này đã được gửi" in html
    assert 'value="Bệnh viện Bạch Mai"' in html  # what they typed is kept
    fresh = input_value(html, "started")
    assert fresh != started
    assert SignupSubmission.objects.count() == 1
    # Sending the form as shown (its fresh token) stores the change for staff to review.
    response = client.post(page.url, form_data(started=fresh, workplace="Bệnh viện Bạch Mai"))
    assert response.status_code == 303
    assert SignupSubmission.objects.count() == 2
    assert MemberSignup.objects.get().has_pending_changes


@pytest.mark.django_db
def test_one_number_resent_with_fresh_forms_is_limited(page, settings):
    settings.REGISTRY_PHONE_RATE_LIMIT = 5
    answers = []
    for n in range(8):
        client = Client(REMOTE_ADDR=f"198.51.100.{n}")  # even from many addresses
        answers.append(client.post(page.url, form_data(phone="0987 654 321")).status_code)
    assert answers == [303] * 5 + [429] * 3
    assert MemberSignup.objects.count() == 1
    assert SignupSubmission.objects.count() == 5
    response = Client().post(page.url, form_data(phone="+84987654321"))
    assert response.status_code == 429
    assert "số điện thoại này" in response.content.decode()
    # Another number is not affected.
    assert Client().post(page.url, form_data(phone="0912345678")).status_code == 303


@pytest.mark.django_db
def test_counters_hold_no_address_or_number(page):
    Client(REMOTE_ADDR="198.51.100.23").post(page.url, form_data(phone="0987654321"))
    keys = list(Counter.objects.values_list("key", flat=True))
    assert len(keys) == 2  # one for the address, one for the number
    for key in keys:
        assert "198.51.100.23" not in key and "987654321" not in key


# --- CSRF ------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_refused_csrf_token_shows_the_form_again_in_vietnamese_with_what_was_typed(page, caplog):
    client = Client(enforce_csrf_checks=True)
    data = form_data(full_name="Lê Minh Châu", phone="0912 345 678", workplace="Trường Kim Liên")
    response = client.post(page.url, data)  # no CSRF cookie or token: e.g. cookies were cleared
    assert response.status_code == 403
    html = response.content.decode()
    assert 'lang="vi"' in html
    assert "Forbidden" not in html
    assert "chưa gửi được" in html.lower()
    assert 'value="Lê Minh Châu"' in html and 'value="0912 345 678"' in html
    assert 'value="Trường Kim Liên"' in html
    assert "no-store" in response["Cache-Control"]
    assert not MemberSignup.objects.exists()
    # The page carries a fresh CSRF token and form token: sending it again goes through.
    csrf = input_value(html, "csrfmiddlewaretoken")
    started = input_value(html, "started")
    retry = client.post(page.url, {**data, "csrfmiddlewaretoken": csrf, "started": token()})
    assert started
    assert retry.status_code == 303
    assert MemberSignup.objects.get().full_name == "Lê Minh Châu"
    for secret in ["Lê Minh Châu", "345 678", "Trường Kim Liên"]:
        assert secret not in caplog.text
