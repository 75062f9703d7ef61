"""The header box's suggestions (static/js/search.js): keyboard, ARIA and folding, in Chromium."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MILLION = "Năm 2024 phấn đấu kết nạp thêm một triệu đoàn viên công đoàn"


def test_suggestions_by_keyboard_without_accents(page, axe):
    page.goto("/")
    box = page.locator("#header-search-q")
    box.click()
    box.press_sequentially("nam 2024 phan", delay=20)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    option = page.get_by_role("option", name=MILLION)
    expect(option).to_be_visible()
    axe(page, "the open suggestions list")

    # Arrow keys move the active option while focus stays in the box; Escape closes.
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")

    # Reopen, pick the article with the keyboard.
    box.press("ArrowDown")
    expect(option).to_be_visible()
    options = page.get_by_role("option")
    index = [options.nth(i).inner_text() for i in range(options.count())].index(MILLION)
    for _ in range(index + 1):
        box.press("ArrowDown")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/tin-tuc/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(MILLION)


def test_enter_without_a_chosen_suggestion_submits_the_search(page):
    page.goto("/")
    box = page.locator("#header-search-q")
    box.click()
    box.press_sequentially("CÔNG ĐOÀN", delay=20)
    expect(page.get_by_role("listbox")).to_be_visible()
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?q="))
    expect(page.locator(".search-results mark").first).to_be_visible()
