"""Issue 18, point 1, as a person sees it (Chromium, 1280×800, vi-VN): each admin screen of the
issue's list (tests/editorial/screens.py), opened as the role that uses it, is checked:
its visible text holds none of Wagtail's English msgids. Visible text: what the page renders
(`innerText`, so dialogs, menus and everything the admin's scripts draw) and the placeholders,
labels, tooltips and titles of rendered elements. Each role also opens its dashboard, every screen
of its own menu and the menu's submenus. The dialogs and choosers are opened the way an editor
opens them: the page, link (all its tabs), image, document and snippet choosers of the article
form; the approver opens the status panel of an article's edit screen and its schedule dialog.
The text of every screen as served to every role is checked without a browser by
tests/editorial/test_admin_screens.py.

Each role's screens are cut into parts (PARTS), one test each that logs in itself, so that
pytest-xdist spreads them over its processes.

With $ADMIN_SCREENSHOTS set, each screen is also photographed into that folder (never the
repository); without it (CI) nothing is photographed: when the superuser opened all 72 screens,
they took 69 s of CPU with their photos and 64 s without (side by side, load 22), and nobody
looked at them."""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.editorial.screen_text import english_pieces
from tests.editorial.screens import ROLES, SCREENS, screen_values, sidebar_urls

pytestmark = pytest.mark.browser

PASSWORD = "mat-khau-man-hinh-2024"
# Chooser URLs answer JSON for the modal: they are opened from the form instead.
MODAL_ONLY = ("/admin/choose-", "/admin/images/chooser/", "/admin/documents/chooser/")
# How many tests each role's screens are cut into (the others: one), each logging in itself (about
# 2 s of each): parts of 7-13 s (this file on 2 processes), which pytest-xdist spreads over its
# processes. When the three opened every screen, one test each took 37-47 s (superuser), 33-44 s
# (editor) and 33-37 s (approver).
PARTS = {"superuser": 2, "editor": 3, "approver": 2}
ROLE_PARTS = [
    pytest.param(role, part, parts, id=role if parts == 1 else f"{role}-{part}of{parts}")
    for role in ROLES
    for parts in [PARTS.get(role, 1)]
    for part in range(1, parts + 1)
]
VISIBLE_WORDS = """() => {
  const names = ["placeholder", "aria-label", "title", "alt", "data-w-tooltip-content-value"];
  const words = document.body.innerText.split("\\n");
  for (const el of document.querySelectorAll(names.map((n) => `[${n}]`).join(","))) {
    if (!el.getClientRects().length) continue;
    for (const name of names) {
      const value = el.getAttribute(name);
      if (value) words.push(value);
    }
  }
  return words;
}"""


@pytest.fixture
def viewport():
    return "desktop"


@pytest.fixture(scope="module")
def shots():
    """The folder of the screenshots ($ADMIN_SCREENSHOTS), or None: none are taken."""
    folder = os.environ.get("ADMIN_SCREENSHOTS")
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    print(f"admin screenshots: {path}")
    return path


@pytest.fixture(scope="module")
def values(site_server, django_db_blocker):
    with django_db_blocker.unblock():
        return screen_values()


class Screens:
    """Opens screens as one user, photographs them and gathers the English it sees."""

    def __init__(self, page, role, shots):
        self.page, self.role, self.shots = page, role, shots
        self.english, self.seen = {}, []

    def check(self, name):
        self.page.wait_for_load_state("load")
        if self.shots is not None:
            slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:80]
            self.page.screenshot(path=self.shots / f"{self.role}-{len(self.seen):02d}-{slug}.png")
        self.seen.append(name)
        left = english_pieces(self.page.evaluate(VISIBLE_WORDS))
        if left:
            self.english[name] = left

    def visit(self, url):
        """Open url; False when this role is refused (redirected elsewhere, 403/404). Whether it
        is refused shows as soon as the answer arrives: the dashboard a refused screen sends the
        role to is not waited for (check() waits for the page it checks to load)."""
        response = self.page.goto(url, wait_until="commit")
        path = url.split("?")[0]
        refused = response is None or response.status in (403, 404)
        # A menu entry may open its first item (site settings: the default site's).
        if refused or not urlsplit(self.page.url).path.startswith(path):
            return False
        self.check(url)
        return True


def role_screens(role, values, menu):
    """Every screen role opens, in order: the screens of SCREENS it uses, then the rest of its
    menu (menu: the addresses of its sidebar). Without the dashboard (checked after the log-in)
    and the choosers (opened from the article form)."""
    mine = [url.format(**values) for url, user in SCREENS.items() if user == role]
    return [
        url
        for url in dict.fromkeys(mine + menu)
        if url != "/admin/" and not url.startswith(MODAL_ONLY)
    ]


def log_in(page, role):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    username = f"vi-{role}"
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        if ROLES[role] is None:
            user = User.objects.create_superuser(username, f"{username}@example.vn", PASSWORD)
        else:
            user = User.objects.create_user(username, f"{username}@example.vn", PASSWORD)
            user.groups.add(Group.objects.get(name=ROLES[role]))
    if urlsplit(page.url).path != "/admin/login/":
        page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def open_modal(page, opener):
    opener.click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible(timeout=20_000)
    expect(modal.locator(".modal-body, .w-tabs, form").first).to_be_visible(timeout=20_000)
    return modal


def close_modal(page):
    page.locator(".modal-dialog").get_by_role("button", name="Đóng").first.click()
    expect(page.locator(".modal-dialog")).to_be_hidden(timeout=20_000)
    # The backdrop fades out after the dialog; until it is gone it takes every click.
    expect(page.locator(".modal-backdrop")).to_have_count(0, timeout=20_000)


def test_each_screen_is_given_to_a_role():
    assert set(SCREENS.values()) <= set(ROLES), set(SCREENS.values()) - set(ROLES)
    # The choosers are opened from the article form, by the editor (the test below).
    assert {SCREENS[url] for url in SCREENS if url.startswith(MODAL_ONLY)} == {"editor"}


@pytest.mark.parametrize("role, part, parts", ROLE_PARTS)
def test_every_screen_of_each_role_shows_no_english(page, shots, values, role, part, parts):
    """Part `part` of `parts` of role's screens; the first also checks the log-in screen, the
    dashboard and the menu's submenus."""
    screens = Screens(page, role if parts == 1 else f"{role}-{part}", shots)
    if part == 1:
        page.goto("/admin/login/")
        screens.check("login")
    log_in(page, role)
    page.wait_for_load_state("load")
    if part == 1:
        screens.check("dashboard")
    # Every part reads the same menu, so the parts together open each screen once.
    menu = sidebar_urls(page.content())
    assert menu, f"{role}: no menu on the dashboard"
    urls = role_screens(role, values, menu)[part - 1 :: parts]
    for url in urls:
        screens.visit(url)
    if part == 1:
        # The sidebar's submenus, open.
        page.wait_for_load_state("load")
        for button in page.locator("nav [aria-haspopup], nav button[aria-expanded]").all()[:8]:
            if button.is_visible():
                button.click()
                screens.check(f"menu {button.inner_text()[:30]}")
                page.keyboard.press("Escape")
    assert screens.english == {}, f"{role}: English on {len(screens.english)} screens: " + str(
        screens.english
    )
    # The role that uses a screen is not refused it: a screen given to the wrong role fails
    # here instead of being checked by nobody.
    given = {url.format(**values) for url, user in SCREENS.items() if user == role}
    refused = [url for url in urls if url in given and url not in screens.seen]
    assert not refused, f"{role} is refused its screens {refused}"
    if part == 1:
        assert len(screens.seen) >= 4, (role, screens.seen)


def test_the_dialogs_and_choosers_of_the_article_form_show_no_english(page, shots, values):
    """As the editor, who writes the articles (the choosers of SCREENS)."""
    screens = Screens(page, "editor-dialogs", shots)
    log_in(page, "editor")
    # The choosers, on a new article's form (every chooser empty).
    page.goto(f"/admin/pages/add/news/newsarticlepage/{values['news']}/")
    modal = open_modal(page, page.locator("#id_hero_image-chooser [data-chooser-action-choose]"))
    screens.check("image chooser")
    modal.get_by_role("tab").last.click()  # upload
    screens.check("image chooser upload")
    close_modal(page)
    open_modal(page, page.locator("#id_category-chooser [data-chooser-action-choose]"))
    screens.check("snippet chooser")
    close_modal(page)
    page.get_by_role("button", name=re.compile("Thêm Bài liên quan")).click()
    related = page.locator("[id^=inline_child_related_articles] [data-chooser-action-choose]")
    open_modal(page, related.last)
    screens.check("page chooser")
    close_modal(page)

    # Draftail: the link chooser (Ctrl+K) and each of its tabs, then the document chooser.
    page.locator("#body-root .c-sf-add-button").first.click()
    page.get_by_role("option", name="Đoạn văn", exact=True).click()
    editor = page.locator("#body-root .public-DraftEditor-content").first
    editor.click()
    page.keyboard.type("Liên kết ")
    page.keyboard.press("Control+k")
    modal = page.locator(".modal-dialog")
    expect(modal.locator(".link-types").first).to_be_visible(timeout=20_000)
    screens.check("link chooser")
    # Each tab by its name, then its content awaited (the tab's name shown as the current one):
    # the content of the tab before had a form too, and a chooser closed while a tab was still
    # loading was shown again by the late answer, leaving backdrops behind (2 of them, 20 s).
    for name in modal.locator(".link-types a").all_inner_texts():
        modal.locator(".link-types").get_by_role("link", name=name, exact=True).click()
        expect(modal.locator(".link-types b")).to_have_text(name, timeout=20_000)
        expect(modal.locator("form").first).to_be_visible(timeout=20_000)
        screens.check(f"link chooser {name}")
    close_modal(page)
    editor.click()
    page.keyboard.press("Shift+Home")  # a selection shows Draftail's toolbar
    open_modal(page, page.get_by_role("button", name=re.compile("^Tệp tài liệu")).first)
    screens.check("document chooser")
    close_modal(page)

    assert screens.english == {}, f"editor: English in {screens.english}"


def test_the_status_panel_and_schedule_dialog_show_no_english_to_the_approver(page, shots, values):
    """An article's edit screen as the approver has it (publish, schedule): its status side panel
    and the schedule dialog ("Đặt lịch")."""
    screens = Screens(page, "approver-dialogs", shots)
    log_in(page, "approver")
    page.goto(f"/admin/pages/{values['article']}/edit/")
    page.locator("[data-side-panel-toggle=status]").click()
    screens.check("status panel")
    page.locator("[data-side-panel=status] [data-a11y-dialog-show]").first.click()
    expect(page.locator("[role=dialog]:visible, dialog[open]").first).to_be_visible()
    screens.check("schedule dialog")
    page.keyboard.press("Escape")
    assert screens.english == {}, f"approver: English in {screens.english}"
