"""The staff area "Đăng ký đoàn viên": hidden and refused without the permission; filters, phone
search in any format, detail view, status changes (single and bulk, logged), correction and
erasure. Exports: test_registry_exports.py."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from campaigns.registry.models import MemberSignup, PrivacyNotice, StatusChange
from campaigns.registry.service import register_member

from .registry_helpers import make_notice, register_lan_and_binh, staff_user
from .test_registry_service import values

INDEX = "registry_membersignup:index"


def menu_labels(rf, user):
    from wagtail.admin.menu import admin_menu

    # The admin registers viewset menus when its URLconf loads (as on every real admin request);
    # the menu caches its items on first use, so build them after that.
    reverse(INDEX)
    admin_menu.__dict__.pop("registered_menu_items", None)
    request = rf.get("/admin/")
    request.user = user
    return [str(item.label) for item in admin_menu.menu_items_for_request(request)]


@pytest.fixture
def entries(home_page, settings):
    settings.REGISTRY_FORWARD_ON_COMMIT = False
    notice = make_notice()
    lan, binh = register_lan_and_binh(home_page, notice)
    register_member(values(workplace="Bệnh viện Bạch Mai"), notice=notice)  # Lan, repeat
    return lan, binh


@pytest.mark.django_db
def test_without_the_permission_the_area_is_hidden_and_refused(
    client, django_user_model, entries, rf
):
    editor = staff_user(django_user_model, "bientap", group=False)
    client.force_login(editor)
    assert "Đăng ký đoàn viên" not in menu_labels(rf, editor)
    lan, _ = entries
    for url in [
        reverse(INDEX),
        reverse(INDEX) + "?export=csv",
        reverse("registry_membersignup:inspect", args=[lan.pk]),
        reverse("registry_membersignup:edit", args=[lan.pk]),
        reverse("registry_membersignup:delete", args=[lan.pk]),
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Nguyễn Thị Lan" not in response.content.decode()
    response = client.post(
        reverse("registry_membersignup:status", args=[lan.pk]), {"status": "contacted"}
    )
    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard.
    assert response.status_code in (302, 403)
    bulk = reverse("wagtail_bulk_action", args=["registry", "membersignup", "change_status"])
    assert client.post(f"{bulk}?id={lan.pk}", {"status": "contacted"}).status_code in (302, 403)
    lan.refresh_from_db()
    assert lan.status == MemberSignup.Status.NEW


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_login(client, entries):
    response = client.get(reverse(INDEX))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_the_group_sees_the_menu_and_the_list(client, staff, entries, rf):
    assert "Đăng ký đoàn viên" in menu_labels(rf, staff)
    html = client.get(reverse(INDEX)).content.decode()
    assert "Nguyễn Thị Lan" in html and "Trần Văn Bình" in html
    assert "0912 345 678" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("0912 345 678", "Nguyễn Thị Lan"),
        ("84-987-654-321", "Trần Văn Bình"),
        ("+84987654321", "Trần Văn Bình"),
        ("tran van binh", "Trần Văn Bình"),
        ("Thị Lan", "Nguyễn Thị Lan"),
    ],
)
def test_search_by_name_or_phone_in_any_format(client, staff, entries, query, found):
    """Each query finds one of the two people and not the other."""
    (missing,) = {"Nguyễn Thị Lan", "Trần Văn Bình"} - {found}
    html = client.get(reverse(INDEX), {"q": query}).content.decode()
    assert found in html and missing not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "found", "missing"),
    [
        ({"province": "79"}, "Trần Văn Bình", "Nguyễn Thị Lan"),
        ({"has_pending_changes": "true"}, "Nguyễn Thị Lan", "Trần Văn Bình"),
        ({"status": "contacted"}, None, "Nguyễn Thị Lan"),
        ({"created_at_after": "2000-01-01"}, "Trần Văn Bình", None),
    ],
)
def test_filters(client, staff, entries, params, found, missing, home_page):
    html = client.get(reverse(INDEX), params).content.decode()
    if found:
        assert found in html
    if missing:
        assert missing not in html


@pytest.mark.django_db
def test_filter_by_campaign_page(client, staff, entries, home_page):
    html = client.get(reverse(INDEX), {"source_page": home_page.pk}).content.decode()
    assert "Nguyễn Thị Lan" in html and "Trần Văn Bình" not in html


@pytest.mark.django_db
def test_detail_shows_the_submission_log_and_consents(client, staff, entries):
    lan, _ = entries
    html = client.get(reverse("registry_membersignup:inspect", args=[lan.pk])).content.decode()
    assert "Các lần gửi" in html and "Bệnh viện Bạch Mai" in html
    assert "Chờ duyệt" in html and "Chấp nhận thay đổi" in html
    assert "Xử lý dữ liệu để đăng ký đoàn viên" in html and "v1" in html


@pytest.mark.django_db
def test_accepting_pending_changes_from_the_detail_view(client, staff, entries):
    lan, _ = entries
    pending = lan.submissions.get(review="pending")
    client.post(
        reverse("registry_membersignup:review", args=[lan.pk]),
        {"submission": pending.pk, "decision": "accept"},
    )
    lan.refresh_from_db()
    assert lan.workplace == "Bệnh viện Bạch Mai" and not lan.has_pending_changes


@pytest.mark.django_db
def test_single_status_change_is_logged(client, staff, entries):
    lan, _ = entries
    response = client.post(
        reverse("registry_membersignup:status", args=[lan.pk]),
        {"status": "contacted", "note": "Đã gọi điện"},
    )
    assert response.status_code == 302
    lan.refresh_from_db()
    assert lan.status == "contacted"
    change = StatusChange.objects.get()
    assert (change.changed_by, change.note) == (staff, "Đã gọi điện")
    assert ModelLogEntry.objects.filter(action="campaigns.registry.status", user=staff).exists()


@pytest.mark.django_db
def test_bulk_status_change_is_logged_for_each_entry(client, staff, entries):
    lan, binh = entries
    url = reverse("wagtail_bulk_action", args=["registry", "membersignup", "change_status"])
    query = f"?id={lan.pk}&id={binh.pk}&next={reverse(INDEX)}"
    confirm = client.get(url + query)
    assert confirm.status_code == 200 and "Đổi trạng thái" in confirm.content.decode()
    response = client.post(url + query, {"status": "contacted"})
    assert response.status_code == 302
    assert set(MemberSignup.objects.values_list("status", flat=True)) == {"contacted"}
    assert StatusChange.objects.filter(changed_by=staff).count() == 2
    assert ModelLogEntry.objects.filter(action="campaigns.registry.status").count() == 2


@pytest.mark.django_db
def test_staff_correct_an_entry_with_the_same_normalisation(client, staff, entries):
    lan, _ = entries
    url = reverse("registry_membersignup:edit", args=[lan.pk])
    data = {
        "full_name": "  Nguyễn  Thị Lan Anh ",
        "date_of_birth": "1990-09-05",
        "sex": "nu",
        "phone": "0912 345 679",
        "email": "",
        "nationality": "Việt Nam",
        "province": "01",
        "commune": "",
        "workplace": "Trường Tiểu học Kim Liên",
        "occupation": "",
        "grassroots_union": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    lan.refresh_from_db()
    assert (lan.full_name, lan.phone) == ("Nguyễn Thị Lan Anh", "+84912345679")
    # Another person's number is refused.
    response = client.post(url, {**data, "phone": "+84 987 654 321"})
    assert "Số điện thoại này đã thuộc một đăng ký khác." in response.content.decode()


@pytest.mark.django_db
def test_erase_from_the_admin_removes_personal_data_keeps_the_row(client, staff, entries):
    lan, _ = entries
    url = reverse("registry_membersignup:delete", args=[lan.pk])
    assert "Xoá toàn bộ dữ liệu cá nhân" in client.get(url).content.decode()
    client.post(url)
    lan.refresh_from_db()
    assert lan.erased_at and lan.full_name == "" and lan.phone is None
    assert MemberSignup.objects.count() == 2
    assert all(s.data == {} for s in lan.submissions.all())
    assert ModelLogEntry.objects.filter(action="campaigns.registry.erase").exists()
    html = client.get(reverse(INDEX)).content.decode()
    assert "Nguyễn Thị Lan" not in html


@pytest.mark.django_db
def test_editing_the_privacy_notice_makes_a_new_version(client, staff, home_page):
    notice = make_notice("<p>Bản một</p>")
    url = reverse("thong-bao-du-lieu:edit", args=[notice.pk])
    response = client.post(
        url,
        {
            "title": notice.title,
            "body": (
                '{"blocks": [{"key": "a", "type": "unstyled", "depth": 0, "text": "Bản hai", '
                '"inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}'
            ),
        },
    )
    assert response.status_code == 302
    assert list(PrivacyNotice.objects.order_by("version").values_list("version", flat=True)) == [
        1,
        2,
    ]
    assert "Bản một" in PrivacyNotice.objects.get(version=1).body
    assert "Bản hai" in PrivacyNotice.current().body
    listing = client.get(reverse("thong-bao-du-lieu:index"))
    assert listing.status_code == 200


@pytest.mark.django_db
def test_superusers_see_every_registry_list_without_a_delete_for_notices(admin_client, entries):
    make_notice("<p>Bản hai</p>")
    for name in [
        INDEX,
        "muc-tieu-doan-vien:index",
        "thong-bao-du-lieu:index",
        "dia-chi-chuyen:index",
    ]:
        response = admin_client.get(reverse(name))
        assert response.status_code == 200, name
    lan, _ = entries
    html = admin_client.get(reverse("registry_membersignup:inspect", args=[lan.pk])).content
    assert "Các lần gửi".encode() in html
    assert (
        "/admin/thong-bao-du-lieu/delete/"
        not in admin_client.get(reverse("thong-bao-du-lieu:index")).content.decode()
    )
