"""A refused CSRF token gets a Vietnamese page that keeps the way back (CSRF_FAILURE_VIEW)."""

import pytest
from django.test import Client


@pytest.mark.django_db
def test_other_refused_forms_get_a_vietnamese_page_with_the_way_back(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/tim-kiem/", {"q": "x"}, headers={"referer": "http://testserver/tim-kiem/?q=x"}
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "Chưa gửi được biểu mẫu" in html
    assert 'href="http://testserver/tim-kiem/?q=x"' in html
    # A referer from elsewhere is never offered as the way back.
    response = client.post(
        "/tim-kiem/", {"q": "x"}, headers={"referer": "https://evil.example/phish"}
    )
    assert "evil.example" not in response.content.decode()
