"""The demo campaigns and sample partners (plainly sample data, a second run changes nothing),
built once for this module (`demo_content`)."""

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from campaigns.models import CampaignPage, Partner


def quiet(*args, **kwargs):
    with open("/dev/null", "w") as devnull:
        call_command(*args, stdout=devnull, **kwargs)


@pytest.mark.django_db
def test_demo_builds_campaigns_and_sample_partners(client, demo_content):
    campaigns = {page.slug: page for page in CampaignPage.objects.live()}
    assert set(campaigns) >= {
        "95-nam-cong-doan-viet-nam",
        "thang-cong-nhan-2024",
        "30-nam-cong-doan-vien-chuc-viet-nam",
    }
    anniversary = campaigns["95-nam-cong-doan-viet-nam"]
    kinds = {block.block_type for block in anniversary.body}
    assert {"timeline", "countdown", "signup"} <= kinds

    partners = list(Partner.objects.all())
    assert len(partners) >= 10
    assert all("(dữ liệu mẫu)" in p.name for p in partners)
    assert len({p.sector for p in partners}) >= 6
    assert sum(1 for p in partners if not p.live) == 1
    assert sum(1 for p in partners if p.live and not p.is_valid_today) >= 1
    assert all(p.logo_id for p in partners)

    html = client.get("/chien-dich/").content.decode()
    assert "Kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam" in html
    assert client.get(anniversary.url).status_code == 200
    html = client.get("/vi-phuc-loi-doan-vien/").content.decode()
    assert "Siêu thị mẫu A (dữ liệu mẫu)" in html
    assert "Siêu thị mẫu M" not in html  # the draft
    assert "Công ty du lịch mẫu L" not in html  # expired
    html = client.get("/").content.decode()
    assert 'class="partner-strip"' in html
    assert 'alt="Siêu thị mẫu A (dữ liệu mẫu)"' in html
    assert 'href="/chien-dich/"' in html and 'href="/vi-phuc-loi-doan-vien/"' in html


@pytest.mark.django_db
def test_demo_twice_changes_nothing(demo_content):
    before = (
        sorted(Partner.objects.values_list("pk", "slug", "live", "latest_revision_id")),
        Revision.objects.count(),
        CampaignPage.objects.count(),
    )
    quiet("load_demo_content")
    after = (
        sorted(Partner.objects.values_list("pk", "slug", "live", "latest_revision_id")),
        Revision.objects.count(),
        CampaignPage.objects.count(),
    )
    assert after == before
