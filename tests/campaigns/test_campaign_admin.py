"""An editor builds a campaign page from blocks in the Wagtail admin and publishes it, without a
developer; and a partner is created as a draft, then published."""

import pytest

from campaigns.models import CampaignPage, Partner
from tests.admin_pages import publish_in_admin
from tests.public_pages import assert_shown

from .admin_forms import admin_date, campaign_form, listblock, partner_form
from .campaign_helpers import days, make_campaign_index, make_programme


@pytest.mark.django_db
def test_editor_builds_and_publishes_a_campaign_from_blocks(admin_client, home_page):
    index = make_campaign_index(home_page)
    target = days(9)
    page = publish_in_admin(
        admin_client,
        CampaignPage,
        index,
        campaign_form(
            start_date=admin_date(days(-1)),
            end_date=admin_date(days(30)),
            blocks=[
                (
                    "countdown",
                    {
                        "heading": "Lễ phát động",
                        "target_date": admin_date(target),
                        "past_text": "",
                    },
                ),
                (
                    "timeline",
                    {
                        "heading": "Các mốc",
                        "milestones": listblock(
                            [
                                {
                                    "date": "28/07/1929",
                                    "title": "Công đoàn Việt Nam ra đời",
                                    "text": "",
                                    "image": "",
                                }
                            ]
                        ),
                    },
                ),
                (
                    "figures",
                    {
                        "heading": "",
                        "items": listblock(
                            [{"number": "1000000", "unit": "đoàn viên", "label": "Mục tiêu"}]
                        ),
                    },
                ),
                (
                    "call_to_action",
                    {
                        "text": "Đăng ký ngay",
                        "page": "",
                        "url": "#dang-ky",
                        "note": "",
                        "style": "primary",
                    },
                ),
                ("signup", {"heading": "", "intro": "Mời bạn đăng ký."}),
            ],
        ),
    )
    assert page.live
    # The admin's day/month/year dates are read day-first.
    assert (page.start_date, page.end_date) == (days(-1), days(30))
    assert page.body[1].value["milestones"][0]["date"].isoformat() == "1929-07-28"
    assert [block.block_type for block in page.body] == [
        "countdown",
        "timeline",
        "figures",
        "call_to_action",
        "signup",
    ]
    html = admin_client.get(page.url).content.decode()
    assert_shown(
        html,
        "Còn 9 ngày",
        "Công đoàn Việt Nam ra đời",
        "1.000.000",
        'id="dang-ky"',
    )


@pytest.mark.django_db
def test_editor_saves_a_partner_as_draft_then_publishes(admin_client, client, home_page):
    make_programme(home_page)
    data = partner_form(
        name="Nhà sách Tri Thức",
        scope="tinh",
        provinces=["01"],
        locations=[{"address": "Số 1 phố Sách", "province": "01"}],
        valid_from=admin_date(days(-1)),
        valid_to=admin_date(days(300)),
    )
    response = admin_client.post("/admin/snippets/campaigns/partner/add/", data)
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response.status_code
    )
    partner = Partner.objects.get(name="Nhà sách Tri Thức")
    assert not partner.live
    assert partner.slug == "nha-sach-tri-thuc"
    assert client.get("/vi-phuc-loi-doan-vien/doi-tac/nha-sach-tri-thuc/").status_code == 404

    data["action-publish"] = "action-publish"
    response = admin_client.post(f"/admin/snippets/campaigns/partner/edit/{partner.pk}/", data)
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.live
    html = client.get("/vi-phuc-loi-doan-vien/", {"tinh": "01"}).content.decode()
    assert "Nhà sách Tri Thức" in html
    assert "Số 1 phố Sách" in client.get(partner.url).content.decode()
