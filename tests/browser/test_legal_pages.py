"""The legal Q&A in a real browser, on a phone and a desktop: the index with the ask form, a
topic page, one question reached by its link, and the ask form shown again with errors and
then sent. Each is checked with axe-core (no serious or critical violation) under the strict CSP."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import wait_out_the_time_trap

pytestmark = pytest.mark.browser

INDEX = "/tu-van-phap-luat/"
TOPIC = "/tu-van-phap-luat/bao-hiem-xa-hoi/"


@pytest.mark.parametrize("name", ["index", "topic", "question"])
def test_legal_pages_are_accessible(page, axe, viewport, name):
    url = {"index": INDEX, "topic": TOPIC, "question": f"{TOPIC}#hoi-1"}[name]
    response = page.goto(url)
    assert response.status == 200
    expect(page.locator("h1")).to_be_visible()
    if name == "index":
        expect(page.get_by_role("heading", name="Gửi câu hỏi")).to_be_attached()
    if name == "question":
        # The linked question is on the first screen, with its answer below it.
        question = page.locator("#hoi-1")
        expect(question).to_be_in_viewport()
        expect(page.locator(".qa").first.locator(".qa__answer")).not_to_be_empty()
    axe(page, f"the legal {name} page ({viewport})")


def test_the_ask_form_with_errors_and_once_sent_is_accessible(page, axe, viewport):
    page.goto(f"{INDEX}#hoi")
    form = page.locator("#hoi form")
    form.get_by_role("button", name="Gửi câu hỏi").click()
    expect(page.locator("#hoi [role=alert]")).to_be_visible()
    expect(page.get_by_text("Vui lòng nhập câu hỏi.")).to_be_visible()
    axe(page, f"the ask form with errors ({viewport})")

    page.get_by_role("textbox", name="Họ và tên").fill("Vũ Thị Hỏi")
    page.get_by_role("textbox", name="Số điện thoại hoặc thư điện tử").fill("0912 345 678")
    page.get_by_role("textbox", name="Câu hỏi của bạn").fill(
        "Tôi nghỉ thai sản sáu tháng thì có phải đóng đoàn phí không?"
    )
    page.locator("#id_consent").check()
    wait_out_the_time_trap(page)
    page.locator("#hoi form").get_by_role("button", name="Gửi câu hỏi").click()
    expect(page).to_have_url(re.compile(r"\?da-gui=1"))
    expect(page.locator("#hoi [role=status]")).to_contain_text("Cảm ơn bạn")
    assert "Vũ Thị Hỏi" not in page.content()
    axe(page, f"the ask form once sent ({viewport})")
