"""Issue 18 in a real browser (Chromium, 1280×800, vi-VN): an editor of the group "Biên tập viên"
(not a superuser) writes an article with a link to Resolution 02-NQ/TW (Draftail's link button and
the page chooser), an image (the image chooser) and a quote (the quote block), whose address the
admin makes ASCII from its Vietnamese title, previews it in
the side panel (the iframe loads under the preview CSP), and submits it for approval; an approver
of "Lãnh đạo duyệt" approves and publishes it; readers find it on home, the news index, its
category, RSS and by a search typed without accents, while an article scheduled for tomorrow is
nowhere public. Each admin screen's visible text holds none of Wagtail's English msgids."""

import re
import time

import pytest
from playwright.sync_api import expect

from tests.editorial.screen_text import english_left

pytestmark = pytest.mark.browser

PASSWORD = "mat-khau-vai-tro-2024"


@pytest.fixture
def viewport():
    return "desktop"


def role_user(username, group_name):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.vn"}
    )
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in(page, username):
    page.goto("/admin/login/")
    assert english_left(page.content()) == []
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def no_wagtail_english(page):
    left = english_left(page.content())
    assert left == [], f"{page.url}: {left}"


def open_footer_menu(page, button):
    if not button.is_visible():
        page.locator(
            "footer [data-w-dropdown-target=toggle], footer .w-dropdown__toggle"
        ).first.click()


def add_block(page, label):
    """The StreamField's last "+" (insert a block) and the block chooser's option."""
    page.locator("#body-root .c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def write_body(page, resolution):
    """The body, through the editor's own controls: a paragraph whose link to Resolution
    02-NQ/TW is made with Draftail's link button and Wagtail's page chooser (searched by its
    number), an image block with the image chooser, and a quote block."""
    add_block(page, "Đoạn văn")
    editor = page.locator("#body-root .public-DraftEditor-content").last
    editor.click()
    page.keyboard.type("Lớp tập huấn quán triệt ")
    page.keyboard.press("Control+k")  # Draftail's link: Wagtail's link chooser, page tab
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible(timeout=20_000)
    no_wagtail_english(page)
    modal.locator("#id_q").fill("02-NQ/TW")
    modal.locator("a.choose-page").filter(has_text=resolution.title).first.click()
    expect(modal).to_be_hidden(timeout=20_000)
    # With nothing selected, the chooser inserts the page's title as the link's text.
    expect(editor).to_contain_text(resolution.title, timeout=20_000)

    add_block(page, "Ảnh có chú thích")
    choose = page.locator("#body-root [data-contentpath=image] [data-chooser-action-choose]").last
    expect(choose).to_be_enabled(timeout=20_000)
    choose.click()
    expect(modal).to_be_visible(timeout=20_000)
    no_wagtail_english(page)
    modal.locator("a[data-chooser-modal-choice]").first.click()
    expect(modal).to_be_hidden(timeout=20_000)
    page.locator("#body-root [data-contentpath=caption] input").last.fill("Học viên lớp tập huấn")

    add_block(page, "Trích dẫn")
    page.locator("#body-root [data-contentpath=text] textarea").last.fill(QUOTE)
    page.locator("#body-root [data-contentpath=attribution] input").last.fill("Báo cáo viên")


QUOTE = "Mỗi cán bộ công đoàn phải là người gần đoàn viên nhất."


def test_editor_submits_approver_publishes(browser, site_server, context, page):
    from news.models import NewsArticlePage, NewsCategory, NewsIndexPage

    role_user("bt-editor", "Biên tập viên")
    role_user("ld-approver", "Lãnh đạo duyệt")
    from resolutions.models import ResolutionPage

    news_index = NewsIndexPage.objects.live().first()
    category = NewsCategory.objects.order_by("pk").first()
    resolution = ResolutionPage.objects.live().get(number="02-NQ/TW")
    title = "Tập huấn nghiệp vụ Đoàn viên ở Đắk Lắk"

    log_in(page, "bt-editor")
    no_wagtail_english(page)
    page.goto(f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/")
    no_wagtail_english(page)
    page.locator("#id_title").fill(title)
    page.locator("#id_title").blur()
    page.locator("#id_lead").fill("Hai trăm cán bộ công đoàn cơ sở dự lớp tập huấn nghiệp vụ.")
    page.locator("#id_category-chooser [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-dialog")
    modal.locator("a[data-chooser-modal-choice]").filter(has_text=category.name).first.click()
    expect(modal).to_be_hidden(timeout=20_000)
    # The slug the admin's script made from the title: ASCII, đ folded to d.
    expect(page.locator("#id_slug")).to_have_value("tap-huan-nghiep-vu-doan-vien-o-dak-lak")
    write_body(page, resolution)

    # Save a draft, then preview it in the side panel.
    submit = page.locator("button[name=action-submit]")
    page.keyboard.press("Control+s")
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"), timeout=30_000)
    # The save's own answer (its message), not the address alone: an autosave made while the
    # body was being written turns the address into the draft's edit address before the save
    # is answered (on a busy machine the article was then submitted without its quote block).
    expect(page.locator(".messages li.success").first).to_be_visible(timeout=30_000)
    no_wagtail_english(page)
    article = NewsArticlePage.objects.get(title=title)
    assert article.slug == "tap-huan-nghiep-vu-doan-vien-o-dak-lak" and not article.live
    page.locator("[data-side-panel-toggle=preview]").click()
    frame = page.frame_locator("iframe#w-preview-iframe, .w-preview__iframe").first
    expect(frame.get_by_role("heading", level=1)).to_have_text(title, timeout=20_000)

    # Submit for approval ("Gửi duyệt").
    open_footer_menu(page, submit)
    submit.click()
    # Once submitted, the admin goes back to the news index's listing.
    expect(page).to_have_url(re.compile(rf"/admin/pages/{news_index.pk}/$"), timeout=30_000)
    article.refresh_from_db()
    assert article.current_workflow_state is not None and not article.live

    # The approver approves and publishes from the edit screen's workflow action.
    approver = browser.new_context(
        base_url=site_server.url, locale="vi-VN", viewport={"width": 1280, "height": 800}
    )
    try:
        approver_page = approver.new_page()
        log_in(approver_page, "ld-approver")
        expect(approver_page.locator("main")).to_contain_text(title)
        approver_page.goto(f"/admin/pages/{article.pk}/edit/")
        no_wagtail_english(approver_page)
        approve = approver_page.locator(
            "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        ).first
        open_footer_menu(approver_page, approve)
        with approver_page.expect_navigation(timeout=20_000):
            approve.click()
        no_wagtail_english(approver_page)
    finally:
        approver.close()
    article.refresh_from_db()
    assert article.live and article.url.endswith("/tap-huan-nghiep-vu-doan-vien-o-dak-lak/")
    assert [block.block_type for block in article.body] == ["paragraph", "image", "quote"]

    # The reader sees the link to the resolution's page, the image and the quote.
    page.goto(article.url)
    main = page.locator("main")
    expect(main.get_by_role("link", name=resolution.title)).to_have_attribute(
        "href", re.compile(re.escape(resolution.url) + "$")
    )
    expect(main.locator("figure.figure img").first).to_be_visible()
    expect(main.locator("blockquote")).to_contain_text(QUOTE)

    # A scheduled article, approved for tomorrow, is nowhere public yet.
    from datetime import timedelta

    from django.utils import timezone

    scheduled_title = "Hội thao công nhân viên chức sẽ đăng ngày mai"
    scheduled = NewsArticlePage(
        title=scheduled_title,
        slug="hoi-thao-se-dang-ngay-mai",
        lead="Bài đã lên lịch.",
        category=category,
        live=False,
        go_live_at=timezone.now() + timedelta(days=1),
    )
    news_index.add_child(instance=scheduled)
    scheduled.save_revision().publish()
    scheduled.refresh_from_db()
    assert not scheduled.live

    # Readers: home, the news index, its category, RSS and a search typed without accents.
    index_path = news_index.url
    public = [
        "/",
        index_path,
        f"{index_path}chuyen-muc/{category.slug}/",
        "/tim-kiem/?q=tap+huan+nghiep+vu+doan+vien",
        "/tim-kiem/?q=hoi+thao+cong+nhan",
    ]
    for url in public[:4]:
        page.goto(url)
        expect(page.locator("main").get_by_role("link", name=title).first).to_be_visible()
    for url in public:
        page.goto(url)
        assert scheduled_title not in page.content(), url
    rss = page.request.get(f"{index_path}rss/").text()
    assert title in rss and scheduled_title not in rss
    assert "/tap-huan-nghiep-vu-doan-vien-o-dak-lak/" in rss


# What the edit page did, read by the test below (an init script: in place before the admin's
# own scripts run). `w-swap:json` is counted on the window in the capture phase: before the
# editing-session script, which stops a stale answer from going further.
WATCH_THE_EDIT_PAGE = """
window.watchingEdits = false;
window.pingsAnswered = 0;
window.autosavesAnswered = 0;
window.autosaveErrors = [];
window.lastAutosavedRevision = null;
document.addEventListener("w-unsaved:watch-edits", () => { window.watchingEdits = true; });
window.addEventListener("w-swap:json", (event) => {
    if (event.target instanceof Element && event.target.matches("form.w-editing-sessions")) {
        window.pingsAnswered += 1;
    }
}, { capture: true });
document.addEventListener("w-autosave:success", (event) => {
    window.lastAutosavedRevision = event.detail.response.revision_id;
    window.autosavesAnswered += 1;
});
document.addEventListener("w-autosave:error", (event) => {
    window.autosaveErrors.push(event.detail.text);
});
"""
SESSION_FORM = "document.querySelector('form.w-editing-sessions')"


def wait_until(page, condition, what, timeout=20):
    """Until `condition()` (a test-side fact, such as a request held by a route) is true, letting
    Playwright deliver its events meanwhile."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"waited {timeout} s for {what}"
        page.wait_for_timeout(20)


def test_own_autosave_is_not_taken_for_a_version_saved_in_another_window(context, page):
    """A ping of the editing-session check sent just before an autosave and answered after it
    (what a busy server does). Wagtail 8.0.1 then answered "you saved a new version in another
    window" about the editor's own autosave, and "Gửi duyệt" opened that warning instead of
    submitting (editorial/static/editorial/js/editing-sessions.js).

    Nothing here waits on the page's timers: the test sends that ping itself (with Wagtail's
    own event) after turning the periodic pings off, holds it in a route until it releases it,
    and waits for what the page reports (the autosave's answer, the ping's answer)."""
    from news.models import NewsArticlePage, NewsCategory, NewsIndexPage

    editor = role_user("bt-editor", "Biên tập viên")
    news_index = NewsIndexPage.objects.live().first()
    article = NewsArticlePage(
        title="Bản tin công đoàn tháng Mười",
        slug="ban-tin-cong-doan-thang-muoi",
        lead="Bản tin tháng.",
        category=NewsCategory.objects.order_by("pk").first(),
        owner=editor,
    )
    news_index.add_child(instance=article)
    article.save_revision(user=editor)

    holding, held = [], []

    def hold_pings(route):
        if holding:
            held.append(route)
        else:
            route.continue_()

    log_in(page, "bt-editor")
    page.add_init_script(WATCH_THE_EDIT_PAGE)
    page.route(re.compile(r"/admin/editing-sessions/ping/"), hold_pings)
    page.goto(f"/admin/pages/{article.pk}/edit/")
    # The page's own first ping has been answered, and Wagtail's form watches for edits (two
    # seconds after it loads): an edit from now on is autosaved.
    page.wait_for_function("() => window.watchingEdits && window.pingsAnswered >= 1")
    # No periodic ping from here on (an interval of 0 is none, also after an autosave resumes
    # the pings): a later ping would cancel the held one, whose answer would never be read.
    page.evaluate(
        f"() => {{ window.wagtail.app.getControllerForElementAndIdentifier({SESSION_FORM}, "
        "'w-session').intervalValue = 0; }"
    )

    # A ping sent with the revision the window holds, held on its way to the server.
    holding.append(True)
    page.evaluate(f"() => {SESSION_FORM}.dispatchEvent(new CustomEvent('w-session:ping'))")
    wait_until(page, lambda: held, "the ping to be sent")

    # The editor types, and the form announces the edit as Wagtail's unsaved-changes check does
    # (`w-unsaved:add`, which starts the autosave). Not left to that check: it compares the form
    # with a copy taken two seconds after its controller connects, and the controller connects
    # twice as the page loads, so a second copy follows the first `watch-edits` by a moment; an
    # edit made in between (seen under load) is in that copy, and no autosave ever came.
    # The autosave is answered while the ping is still held.
    autosaved = page.evaluate("() => window.autosavesAnswered")
    page.locator("#id_lead").fill("Bản tin tháng Mười của công đoàn trường.")
    page.evaluate(
        "() => document.querySelector('[data-edit-form]')"
        ".dispatchEvent(new CustomEvent('w-unsaved:add', {detail: {type: 'edits'}}))"
    )
    page.wait_for_function(
        "(n) => window.autosavesAnswered > n || window.autosaveErrors.length", arg=autosaved
    )
    assert page.evaluate("() => window.autosaveErrors") == []
    revision_id = page.evaluate("() => window.lastAutosavedRevision")
    page.wait_for_function(
        f"(id) => {SESSION_FORM}.querySelector('input[name=revision_id]').value === String(id)",
        arg=revision_id,
    )

    # Now the server answers the ping, against the revision it was sent with: the autosave is
    # newer, and it is the editor's own.
    answered = page.evaluate("() => window.pingsAnswered")
    holding.clear()
    for route in held:
        route.continue_()
    page.wait_for_function("(n) => window.pingsAnswered > n", arg=answered)

    submit = page.locator("button[name=action-submit]")
    open_footer_menu(page, submit)
    submit.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{news_index.pk}/$"))
    article.refresh_from_db()
    assert article.current_workflow_state is not None
