"""Public progress figures only when there is something worth showing (PUBLIC_PROGRESS_MIN):
never "0 / 1.000.000 đoàn viên (0,0%)" or "Đã có 0 người đăng ký" on the public site."""

import re

import pytest

pytestmark = pytest.mark.django_db

EMPTY_FIGURES = [
    re.compile(r"\b0 / [\d.]+ đoàn viên"),
    re.compile(r"\(0,0%\)"),
    re.compile(r"Đã có\s*(<strong>)?\s*0\s*(</strong>)?\s*người"),
]


def empty_figures(html):
    return [pattern.pattern for pattern in EMPTY_FIGURES if pattern.search(html)]


@pytest.mark.parametrize("threshold", [1, 100])
def test_no_page_shows_empty_progress(demo_site, client, settings, threshold):
    from campaigns.registry.models import MembershipTarget, MemberSignup

    settings.PUBLIC_PROGRESS_MIN = threshold
    assert MemberSignup.objects.count() < 100
    assert MembershipTarget.objects.filter(show_on_home=True).exists()
    for url in ["/", "/chien-dich/95-nam-cong-doan-viet-nam/", "/chien-dich/thang-cong-nhan-2024/"]:
        html = client.get(url).content.decode()
        assert empty_figures(html) == [], url
    home = client.get("/").content.decode()
    # The target itself is still announced.
    assert "Mục tiêu:" in home or "đoàn viên (" in home


def test_the_checker_knows_an_empty_figure():
    assert empty_figures("<p>0 / 1.000.000 đoàn viên (0,0%)</p>")
    assert empty_figures("Đã có <strong>0</strong> người đăng ký")
    assert not empty_figures("<p>120 / 1.000.000 đoàn viên (0,1%)</p>")
