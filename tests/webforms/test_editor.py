"""An editor (not a superuser) builds a form with three fields in the admin and publishes it;
it is then in the sitemap and in search, and works for visitors."""

import pytest
from wagtail.test.utils.form_data import inline_formset

from tests.admin_pages import publish_in_admin
from webforms.models import FormEntry, FormPage

from .conftest import valid_data


def field(label, field_type, **extra):
    return {
        "label": label,
        "help_text": "",
        "required": "on",
        "field_type": field_type,
        "choices": extra.get("choices", ""),
        "default_value": "",
    }


@pytest.mark.django_db
def test_an_editor_builds_a_form_with_three_fields(client, editor, home_page):
    client.force_login(editor)
    page = publish_in_admin(
        client,
        FormPage,
        home_page,
        {
            "title": "Đăng ký Ngày hội đoàn viên",
            "slug": "dang-ky-ngay-hoi",
            "intro": "Ngày hội văn hóa, thể thao của đoàn viên khu vực công.",
            "form_fields": inline_formset(
                [
                    field("Họ và tên", "singleline"),
                    field("Thư điện tử", "email"),
                    field("Môn tham gia", "dropdown", choices="Bóng bàn\nCầu lông"),
                ]
            ),
            "thank_you_text": "Cảm ơn bạn đã đăng ký.",
            "consent_text": "Tôi đồng ý để ban tổ chức dùng thông tin này trong 60 ngày.",
            "retention_days": "60",
            "closes_at": "",
            "notify_emails": "",
        },
    )
    assert page.live
    assert [f.clean_name for f in page.get_form_fields()] == [
        "ho_va_ten",
        "thu_dien_tu",
        "mon_tham_gia",
    ]
    client.logout()

    assert "/dang-ky-ngay-hoi/</loc>" in client.get("/sitemap.xml").content.decode()
    html = client.get("/tim-kiem/", {"q": "ngay hoi doan vien"}).content.decode()
    assert "/dang-ky-ngay-hoi/" in html

    data = valid_data(client, page.url, mon_tham_gia="Cầu lông")
    data.pop("noi_dung_thi")
    assert client.post(page.url, data).status_code == 303
    assert FormEntry.objects.get().form_data["mon_tham_gia"] == "Cầu lông"
