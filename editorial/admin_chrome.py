"""The parts of every admin page that do not depend on the page: the sidebar (menu, search and
account links) and the keyboard shortcuts dialog, remembered by each process.

Wagtail builds both for every admin page. For the sidebar every menu item asks whether the user
may see it (a few queries), then the whole menu is packed for the browser, and its packer renders
each menu item's media to a string only to drop it; the dialog is a table of about twenty rows
rendered through templates. On the registry's list they were about a quarter of a request's CPU
and four of its queries (docs/registry.md). Neither depends on the page asked for (the browser
marks the current menu item), so:

- **the sidebar** is kept a minute per staff member, under the user's id, the language and what
  the menu shows of the user (username, first name, e-mail for the avatar, superuser or not): no
  member's data, nothing shared between processes. A change to users, groups, permissions or
  profiles clears what this process keeps at once; other processes follow within
  `ADMIN_SIDEBAR_SECONDS` (60). Views check permissions on every request, so a menu a minute
  behind a permission change can show a link that answers "no access", never open a page the
  user may not see. `ADMIN_SIDEBAR_SECONDS=0` turns it off;
- **the dialog** is the same for everyone with the same language, keyboard (a Mac's keys or the
  others') and shortcut setting: kept under those, for as long as the process lives.

The template that uses them is Wagtail's `wagtailadmin/base.html` with two tags changed
(templates/wagtailadmin/base.html); tests/editorial/test_admin_chrome.py fails when Wagtail's
template changes, and checks that what is remembered is what Wagtail builds.
"""

import re
import threading
import time
from collections import OrderedDict
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from wagtail.admin.templatetags.wagtailadmin_tags import keyboard_shortcuts_dialog, sidebar_props

# Staff members whose sidebar a process keeps (the least recently seen are dropped first).
MAX_USERS = 256
DIALOG_TEMPLATE = "wagtailadmin/shared/keyboard_shortcuts_dialog.html"
# Wagtail's own test for a Mac's keys (wagtail.admin.utils.get_keyboard_key_labels_from_request).
MAC = re.compile(r"Mac|iPod|iPhone|iPad")

_lock = threading.Lock()
_sidebars: OrderedDict[tuple[Any, ...], tuple[float, SafeString]] = OrderedDict()
_dialogs: dict[tuple[Any, ...], SafeString] = {}


def _seconds() -> float:
    return float(getattr(settings, "ADMIN_SIDEBAR_SECONDS", 60))


def remembered_sidebar_props(context: Any) -> SafeString:
    """Wagtail's `{% sidebar_props %}`, from this process's memory when it is fresh."""
    seconds = _seconds()
    user = getattr(context.get("request"), "user", None)
    if seconds <= 0 or user is None or not user.is_authenticated:
        return sidebar_props(context)
    key = (
        user.pk,
        get_language(),
        user.get_username(),
        user.first_name,
        user.email,
        user.is_superuser,
    )
    now = time.monotonic()
    with _lock:
        found = _sidebars.get(key)
        if found and found[0] > now:
            _sidebars.move_to_end(key)
            return found[1]
    props = sidebar_props(context)
    with _lock:
        _sidebars[key] = (now + seconds, props)
        _sidebars.move_to_end(key)
        while len(_sidebars) > MAX_USERS:
            _sidebars.popitem(last=False)
    return props


def remembered_keyboard_shortcuts_dialog(context: Any) -> SafeString:
    """Wagtail's `{% keyboard_shortcuts_dialog %}`, rendered once per language, keyboard and
    setting."""
    values = keyboard_shortcuts_dialog(context)
    request = context.get("request")
    user_agent = request.headers.get("User-Agent", "") if request else ""
    key = (get_language(), bool(MAC.search(user_agent)), values["keyboard_shortcuts_enabled"])
    found = _dialogs.get(key)
    if found is None:
        found = SafeString(render_to_string(DIALOG_TEMPLATE, values))
        with _lock:
            _dialogs[key] = found
    return found


def forget(*args: Any, **kwargs: Any) -> None:
    """Drop every sidebar this process keeps (a permission, group or user changed)."""
    with _lock:
        _sidebars.clear()


def connect() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import GroupCollectionPermission, GroupPagePermission
    from wagtail.users.models import UserProfile

    user_model = get_user_model()
    for model in (
        user_model,
        Group,
        Permission,
        GroupPagePermission,
        GroupCollectionPermission,
        UserProfile,
    ):
        for signal in (post_save, post_delete):
            signal.connect(forget, sender=model, dispatch_uid=f"admin-sidebar-{model.__name__}")
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(forget, sender=through, dispatch_uid=f"admin-sidebar-{through}")
