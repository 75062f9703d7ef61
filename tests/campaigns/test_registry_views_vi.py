"""What the clerk sees in the registry's list and detail view: Vietnam time, Vietnamese yes/no and
labels, never a raw Python value (True/False/None) or a field's code name."""

import datetime
import re

import pytest
from django.urls import reverse

from campaigns.registry.models import MemberSignup
from campaigns.registry.service import register_member

from .registry_helpers import make_notice
from .test_registry_service import values

# 20:30 UTC on 1 March is 03:30 on 2 March in Vietnam (UTC+7).
SIGNED_UP = datetime.datetime(2026, 3, 1, 20, 30, tzinfo=datetime.UTC)
RAW_PYTHON = re.compile(r">\s*(True|False|None)\s*<")


@pytest.fixture
def lan(settings, home_page):
    settings.REGISTRY_FORWARD_ON_COMMIT = False
    typed = {
        "full_name": "Nguyễn Thị Lan",
        "date_of_birth": "05/09/1990",
        "sex": "nu",
        "phone": "0912 345 678",
        "province": "01",
        "workplace": "Trường Tiểu học Kim Liên",
        "nationality": "VN",
        "consent_registration": "on",
        "consent_news": "",
    }
    return register_member(
        values(), typed=typed, notice=make_notice(), now=SIGNED_UP, source_page=None
    ).signup


@pytest.mark.django_db
def test_the_detail_view_shows_vietnam_time_vietnamese_words_and_labels(client, staff, lan):
    html = client.get(reverse("registry_membersignup:inspect", args=[lan.pk])).content.decode()
    assert "02/03/2026 03:30" in html  # created, in Vietnam time
    assert "01/03/2026 20:30" not in html  # never UTC
    assert "05/09/1990" in html
    assert not RAW_PYTHON.search(html), RAW_PYTHON.search(html).group(0)
    # long_contract_confirmed is False, forwarded_at and erased_at are None.
    assert re.search(r"Có hợp đồng lao động từ 12 tháng.*?Không", html, re.S)
    # What was typed, under the form's Vietnamese labels, with yes/no for the boxes.
    typed = html[html.index("Các lần gửi") :]
    for label in ["Họ và tên", "Số điện thoại", "Tỉnh, thành phố nơi làm việc", "Quốc tịch"]:
        assert f"<dt>{label}</dt>" in typed
    assert "<dd>Hà Nội</dd>" in typed and "<dd>Nữ</dd>" in typed and "<dd>Việt Nam</dd>" in typed
    assert "<dt>Đồng ý nhận tin</dt><dd>Không</dd>" in typed
    for code_name in ["full_name", "consent_news", "date_of_birth"]:
        assert f"<dt>{code_name}</dt>" not in typed


@pytest.mark.django_db
def test_the_list_shows_vietnam_time_and_yes_no(client, staff, lan):
    MemberSignup.objects.filter(pk=lan.pk).update(has_pending_changes=False)
    html = client.get(reverse("registry_membersignup:index")).content.decode()
    assert "02/03/2026 03:30" in html
    assert "Không" in html
    assert not RAW_PYTHON.search(html)
