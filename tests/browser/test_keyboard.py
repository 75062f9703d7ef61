"""The sign-up form filled and sent with the keyboard alone: Tab, typing, Space, arrows, Enter."""

import pytest
from playwright.sync_api import expect

from .conftest import wait_out_the_time_trap

pytestmark = pytest.mark.browser


def tab_to(page, selector, limit=120):
    """Press Tab until the focused element matches `selector`; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            visible = page.evaluate(
                """() => {
                    const el = document.activeElement, s = getComputedStyle(el);
                    const r = el.getBoundingClientRect();
                    return r.width > 0 && r.height > 0 && s.visibility !== "hidden";
                }"""
            )
            assert visible, f"{selector} is focused but not visible"
            return
    pytest.fail(f"Tab never reached {selector}")


def test_signup_form_by_keyboard_alone(page, viewport):
    from campaigns.models import SignupPage
    from campaigns.registry.models import MemberSignup

    signup = SignupPage.objects.live().first()
    page.goto(signup.url)
    name = f"Lê Văn Bàn Phím {viewport}"

    tab_to(page, "#id_full_name")
    page.keyboard.type(name)
    tab_to(page, "#id_date_of_birth")
    page.keyboard.type("12/03/1988")
    tab_to(page, "input[name=sex]")
    page.keyboard.press("Space")
    tab_to(page, "#id_phone")
    page.keyboard.type("0987 654 3" + ("21" if viewport == "phone" else "22"))
    tab_to(page, "#id_province")
    page.keyboard.press("ArrowDown")
    tab_to(page, "#id_workplace")
    page.keyboard.type("Bệnh viện Đa khoa tỉnh")
    if page.locator("#id_long_contract").count():
        tab_to(page, "#id_long_contract")
        page.keyboard.press("Space")
    tab_to(page, "#id_consent_registration")
    page.keyboard.press("Space")
    # The honeypot is skipped by Tab: the next stops lead to the submit button.
    wait_out_the_time_trap(page)
    tab_to(page, "form.signup__form button[type=submit]", limit=10)
    page.keyboard.press("Enter")

    done = page.locator(".signup__done")
    expect(done).to_be_visible()
    expect(done).to_contain_text("Cảm ơn")
    assert MemberSignup.objects.filter(full_name=name).exists()
