"""Progress toward the membership targets (home page, campaign goal block) and the sign-up form
placed on a campaign page: aggregates only, never a name."""

import re
from datetime import date

import pytest
from django.core.cache import cache

from campaigns.registry.models import MembershipTarget, MemberSignup
from campaigns.registry.progress import goal_progress, membership_progress, registry_counts
from campaigns.registry.service import register_member

from .campaign_helpers import make_campaign, make_campaign_index
from .registry_helpers import form_data, make_notice, make_signup_page
from .test_registry_service import values


@pytest.fixture
def target(db):
    return MembershipTarget.objects.create(
        label="Phát triển 1.000.000 đoàn viên mới năm 2024",
        year=2024,
        target=1_000_000,
    )


@pytest.mark.django_db
def test_counts_are_aggregates_by_province_and_page(home_page, settings, target):
    settings.REGISTRY_FORWARD_ON_COMMIT = False
    register_member(values("+84911111111"), source_page=home_page)
    register_member(values("+84922222222", province="79"))
    register_member(values("+84922222222", province="79"))  # repeat: still one person
    declined = register_member(values("+84933333333")).signup
    MemberSignup.objects.filter(pk=declined.pk).update(status="declined")
    counts = registry_counts()
    assert counts["total"] == 2
    assert counts["by_province"] == [("01", "Hà Nội", 1), ("79", "Hồ Chí Minh", 1)]
    assert counts["by_page"] == {home_page.pk: 1}
    progress = goal_progress(target.pk)
    assert (progress["achieved"], progress["target"]) == (2, 1_000_000)
    assert progress["percent"] == 0.0
    assert goal_progress(target.pk, home_page)["achieved"] == 1


@pytest.mark.django_db
def test_a_target_period_and_baseline(home_page, settings):
    settings.REGISTRY_FORWARD_ON_COMMIT = False
    from datetime import datetime

    from django.utils import timezone

    tz = timezone.get_current_timezone()
    register_member(values("+84911111111"), now=datetime(2024, 3, 1, 9, tzinfo=tz))
    register_member(values("+84922222222"), now=datetime(2025, 3, 1, 9, tzinfo=tz))
    t2024 = MembershipTarget.objects.create(
        label="2024",
        year=2024,
        target=4,
        period_start=date(2024, 1, 1),
        period_end=date(2024, 12, 31),
        baseline=1,
    )
    progress = goal_progress(t2024.pk)
    assert (progress["count"], progress["achieved"], progress["percent"]) == (1, 2, 50.0)


@pytest.mark.django_db
def test_the_count_cache_key_holds_no_personal_data(home_page, settings, target):
    settings.REGISTRY_FORWARD_ON_COMMIT = False
    register_member(values())
    registry_counts()
    goal_progress(target.pk, home_page)
    keys = list(cache._cache.keys())
    assert keys and all("912345678" not in k and "Lan" not in k for k in keys)


@pytest.mark.django_db
def test_home_page_shows_progress_without_names(client, home_page, settings, target):
    settings.REGISTRY_FORWARD_ON_COMMIT = False
    register_member(values())
    html = client.get("/").content.decode()
    assert "Tiến độ phát triển đoàn viên" in html
    assert "Phát triển 1.000.000 đoàn viên mới năm 2024" in html
    assert re.search(r'<progress class="goal__bar" max="1000000" value="1"', html)
    assert "1 / 1.000.000 đoàn viên" in html
    assert "Nguyễn Thị Lan" not in html and "912345678" not in html
    assert 'style="' not in re.search(r"membership-progress.*?</section>", html, re.S).group(0)


@pytest.mark.django_db
def test_home_section_is_absent_with_no_targets_and_no_sign_ups(rf, home_page):
    assert membership_progress(rf.get("/"), home_page) == {}


@pytest.mark.django_db
def test_the_progress_query_count_does_not_grow_with_targets(
    rf, home_page, django_assert_max_num_queries
):
    for n in range(5):
        MembershipTarget.objects.create(label=f"Mục tiêu {n}", year=2024 + n, target=1000)
    # targets (1) + their counts in one aggregate (1) + counts by province and page (1)
    with django_assert_max_num_queries(3):
        membership_progress(rf.get("/"), home_page)
    cache.clear()
    for n in range(5, 100):
        MembershipTarget.objects.create(label=f"Mục tiêu {n}", year=2024, target=1000)
    with django_assert_max_num_queries(3):
        membership_progress(rf.get("/"), home_page)
    # Cached: no query at all until the cache expires.
    with django_assert_max_num_queries(0):
        membership_progress(rf.get("/"), home_page)


@pytest.mark.django_db
def test_a_campaign_page_with_signup_and_goal_blocks_accepts_and_shows_progress(
    client, home_page, target
):
    make_notice()
    campaign = make_campaign(
        make_campaign_index(home_page),
        "Tháng Công nhân 2024",
        body=[
            ("goal", {"heading": "Chiến dịch này", "target": str(target.pk), "scope": "page"}),
            ("signup", {"heading": "Tham gia Công đoàn ngay", "intro": "Mời bạn đăng ký."}),
        ],
    )
    campaign.save_revision().publish()
    response = client.get(campaign.url)
    html = response.content.decode()
    assert "Tham gia Công đoàn ngay" in html and 'name="phone"' in html
    assert "no-store" in response["Cache-Control"]
    # No sign-up yet: the target alone, never an empty bar (PUBLIC_PROGRESS_MIN).
    assert "goal__bar" not in html
    assert "Mục tiêu: 1.000.000 đoàn viên" in html

    response = client.post(campaign.url, form_data())
    assert response.status_code == 303
    assert response["Location"] == f"{campaign.url}?da-dang-ky=1#dang-ky"
    signup = MemberSignup.objects.get()
    assert signup.source_page_id == campaign.pk

    cache.clear()  # progress is cached for a minute
    html = client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn, chúng tôi đã nhận được đăng ký." in html
    assert re.search(r'<progress class="goal__bar" max="1000000" value="1"', html)
    assert "Nguyễn Thị Lan" not in html


@pytest.mark.django_db
def test_the_signup_page_demo_is_idempotent(home_page):
    from io import StringIO

    from campaigns.models import SignupPage
    from campaigns.registry import demo as registry_demo
    from campaigns.registry.models import PrivacyNotice

    registry_demo.load(home_page, StringIO())
    registry_demo.load(home_page, StringIO())
    page = SignupPage.objects.get()
    assert page.url == "/dang-ky-doan-vien/" and page.show_in_menus
    assert MembershipTarget.objects.count() == 2
    assert set(MembershipTarget.objects.values_list("target", flat=True)) == {
        1_000_000,
        15_000_000,
    }
    assert PrivacyNotice.objects.count() == 1


@pytest.mark.django_db
def test_the_signup_page_works_end_to_end(client, home_page):
    make_notice()
    page = make_signup_page(home_page)
    assert client.post(page.url, form_data()).status_code == 303
    assert MemberSignup.objects.count() == 1
