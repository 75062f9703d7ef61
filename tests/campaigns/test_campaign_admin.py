"""An editor builds a campaign page from blocks in the Wagtail admin and publishes it, without a
developer; and a partner is created as a draft, then published."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import CampaignPage, Partner
from tests.admin_pages import publish_in_admin
from tests.public_pages import assert_shown

from .campaign_helpers import days, make_campaign_index, make_programme


def listblock(items):
    return {
        **{
            str(i): {"value": value, "deleted": "", "order": str(i), "id": ""}
            for i, value in enumerate(items)
        },
        "count": str(len(items)),
    }


def admin_date(day):
    return day.strftime("%d/%m/%Y")


@pytest.mark.django_db
def test_editor_builds_and_publishes_a_campaign_from_blocks(admin_client, home_page):
    index = make_campaign_index(home_page)
    target = days(9)
    page = publish_in_admin(
        admin_client,
        CampaignPage,
        index,
        {
            "title": "Tháng Công nhân năm sau",
            "slug": "thang-cong-nhan-nam-sau",
            "slogan": "Vì việc làm bền vững",
            "start_date": admin_date(days(-1)),
            "end_date": admin_date(days(30)),
            "location": "Hà Nội",
            "intro": rich_text("<p>Một tháng chăm lo cho người lao động.</p>"),
            "tags": "Tháng Công nhân",
            "body": streamfield(
                [
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
                ]
            ),
            "comments": inline_formset([]),
        },
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
    data = nested_form_data(
        {
            "name": "Nhà sách Tri Thức",
            "slug": "",
            "sector": "giao-duc",
            "offer_summary": "Giảm 15% sách giáo khoa cho con đoàn viên.",
            "offer_details": rich_text(""),
            "discount_min": "15",
            "discount_max": "",
            "discount_text": "",
            "for_members": "on",
            "for_children": "on",
            "claim_union_card": "on",
            "claim_instructions": "",
            "scope": "tinh",
            "scope_sector": "",
            "signing_union": "Công đoàn Viên chức Việt Nam",
            "agreement_number": "20/TTHT-CĐVC",
            "valid_from": admin_date(days(-1)),
            "valid_to": admin_date(days(300)),
            "status": "dang-hop-tac",
            "contact_person": "",
            "contact_phone": "",
            "contact_email": "",
            "website": "",
            "locations": inline_formset(
                [{"name": "", "address": "Số 1 phố Sách", "province": "01", "phone": ""}]
            ),
        }
    )
    data["provinces"] = ["01"]  # a multiple choice: one key, a list of values
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
