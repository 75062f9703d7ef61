"""The admin's sidebar and keyboard shortcuts dialog, remembered (editorial/admin_chrome.py): what
Wagtail builds, each user their own menu, a permission change shown on the next page, a Mac's
keys for a Mac."""

import json
import re
from pathlib import Path

import pytest
import wagtail
from django.contrib.auth.models import Permission
from django.db import connection
from django.template import RequestContext, Template
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from editorial import admin_chrome

from .screens import sidebar_urls

pytestmark = pytest.mark.django_db

SIDEBAR = re.compile(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>')
REGISTRY = "/admin/dang-ky/"


@pytest.fixture(autouse=True)
def _nothing_remembered():
    admin_chrome.forget()
    admin_chrome._dialogs.clear()
    yield
    admin_chrome.forget()


def admin_page(client, url="/admin/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def sidebar_of(client, url="/admin/"):
    return json.loads(SIDEBAR.search(admin_page(client, url)).group(1))


def links(client, url="/admin/"):
    """Every admin link of the sidebar (tests/editorial/screens.py reads them the same way)."""
    return set(sidebar_urls(admin_page(client, url)))


def test_the_template_is_wagtails_with_one_tag_changed():
    """templates/wagtailadmin/base.html is Wagtail's own but for two tags: when Wagtail's
    template changes (an upgrade), this fails and the copy is made again the same way."""
    wagtails = Path(wagtail.__file__).parent / "admin/templates/wagtailadmin/base.html"
    ours = Path(__file__).resolve().parents[2] / "templates/wagtailadmin/base.html"
    expected = (
        wagtails.read_text()
        .replace(
            "{% load wagtailadmin_tags wagtailcore_tags i18n %}",
            "{% load wagtailadmin_tags wagtailcore_tags i18n admin_chrome %}",
        )
        .replace("{% sidebar_props %}", "{% remembered_sidebar_props %}")
        .replace("{% keyboard_shortcuts_dialog %}", "{% remembered_keyboard_shortcuts_dialog %}")
    )
    assert ours.read_text() == expected


def test_the_remembered_sidebar_is_the_one_wagtail_builds(admin_client):
    with override_settings(ADMIN_SIDEBAR_SECONDS=0):
        built = sidebar_of(admin_client, REGISTRY)
    assert '"url": "/admin/dang-ky/"' in json.dumps(built)
    # Remembered on the dashboard, shown on the registry's list: the menu does not depend on
    # the page (the browser marks the current item).
    assert sidebar_of(admin_client, "/admin/") == built
    with CaptureQueriesContext(connection) as remembered:
        assert sidebar_of(admin_client, REGISTRY) == built
    with override_settings(ADMIN_SIDEBAR_SECONDS=0), CaptureQueriesContext(connection) as fresh:
        sidebar_of(admin_client, REGISTRY)
    assert len(remembered) < len(fresh)


def test_each_staff_member_sees_their_own_menu(admin_client, client, django_user_model):
    assert "/admin/users/" in links(admin_client)
    clerk = django_user_model.objects.create_user("thuky", password="x")
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(clerk)
    seen = links(client)
    assert "/admin/users/" not in seen
    assert REGISTRY not in seen


def test_a_permission_change_shows_on_the_next_page(client, django_user_model):
    clerk = django_user_model.objects.create_user("canbo-so", password="x")
    clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(clerk)
    assert REGISTRY not in links(client)
    view = Permission.objects.get(content_type__app_label="registry", codename="view_membersignup")
    clerk.user_permissions.add(view)
    assert REGISTRY in links(client)
    clerk.user_permissions.remove(view)
    assert REGISTRY not in links(client)


def wagtails_dialog(user, user_agent):
    request = RequestFactory().get("/admin/", HTTP_USER_AGENT=user_agent)
    request.user = user
    template = Template("{% load wagtailadmin_tags %}{% keyboard_shortcuts_dialog %}")
    return template.render(RequestContext(request))


@pytest.mark.parametrize(
    "first, then",
    [("Macintosh; Intel Mac OS X 14_5", "X11; Linux x86_64"), ("Windows NT 10.0", "iPad")],
)
def test_each_keyboard_gets_its_own_shortcuts_dialog(admin_client, admin_user, first, then):
    for user_agent in (first, then, first):
        page = admin_client.get("/admin/", HTTP_USER_AGENT=user_agent).content.decode()
        dialog = wagtails_dialog(admin_user, user_agent)
        assert 'id="keyboard-shortcuts-dialog"' in dialog
        assert dialog in page
        assert ("⌘" in dialog) == ("Mac" in user_agent or "iPad" in user_agent)
