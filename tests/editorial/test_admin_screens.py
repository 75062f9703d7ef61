"""Every admin screen an editor, an approver, a registry clerk, the form and legal staff and a
superuser use (tests/editorial/screens.py), rendered with `Accept-Language: vi`: none shows one of
Wagtail's English msgids (tests/editorial/screen_text.py).
"""

import json

import pytest

from tests.users import user_in

from .screen_text import english_left, json_strings
from .screens import ROLES, SCREENS, screen_values, sidebar_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(demo_content):
    return screen_values()


def login_as(client, django_user_model, role):
    if ROLES[role] is None:
        user = django_user_model.objects.create_superuser(role, f"{role}@example.vn", "x")
    else:
        user = user_in(role, ROLES[role])
    client.force_login(user)
    return user


def screen_html(response):
    if response["Content-Type"].startswith("application/json"):
        data = json.loads(response.content)
        return data.get("html") or "".join(f"<p>{s}</p>" for s in json_strings(data))
    return response.content.decode()


def test_the_login_screen_is_vietnamese(client, db):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert english_left(response.content.decode()) == []


# Which words a screen shows does not depend on the database engine; that every screen answers
# does (the admin's searches and listings run on it). The superuser opens every screen: on both
# databases. The other roles' menus and screens are the same on both: CI checks them once, in the
# SQLite phase (engine_independent; 5 of the 6 roles' CPU in the PostgreSQL phase).
@pytest.mark.parametrize(
    "role",
    [
        role if role == "superuser" else pytest.param(role, marks=pytest.mark.engine_independent)
        for role in ROLES
    ],
)
def test_no_screen_shows_wagtails_english(client, django_user_model, content, role):
    login_as(client, django_user_model, role)
    dashboard = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    urls = [url.format(**content) for url in SCREENS] + sidebar_urls(dashboard)
    seen, refused, english = [], [], {}
    for url in dict.fromkeys(urls):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi", follow=False)
        if response.status_code == 302 and response["Location"].startswith(url.split("?")[0]):
            # A menu entry that opens its first item (site settings of the default site).
            response = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="vi")
        if response.status_code in (302, 403, 404) and role != "superuser":
            refused.append(url)  # not one of this role's screens
            continue
        assert response.status_code == 200, (role, url, response.status_code)
        seen.append(url)
        left = english_left(screen_html(response))
        if left:
            english[url] = left
    assert english == {}, f"{role}: Wagtail English left on {len(english)} screens: {english}"
    # Each role really reached its screens.
    expected = {
        "editor": 25,
        "approver": 30,
        "clerk": 3,
        "form_staff": 3,
        "legal_staff": 4,
        "superuser": len(SCREENS),
    }
    assert len(seen) >= expected[role], (role, seen, refused)
    if role == "clerk":
        assert any("/admin/dang-ky/" in url for url in seen), seen
    # What people sent is read only by the staff group with the permission.
    submissions = "/admin/forms/submissions/{form_page}/".format(**content)
    assert (submissions in seen) == (role in ("form_staff", "superuser")), role
    questions = "/admin/cau-hoi-phap-luat/"
    assert (questions in seen) == (role in ("legal_staff", "superuser")), role
