"""Shared helpers for the registry and sign-up tests."""

import time

from campaigns.models import SignupPage
from campaigns.registry.forms import new_form_token
from campaigns.registry.models import PrivacyNotice

GROUP = "Cán bộ tiếp nhận đoàn viên"


def make_signup_page(home_page, slug="dang-ky-doan-vien"):
    page = SignupPage(title="Đăng ký gia nhập Công đoàn", slug=slug)
    home_page.add_child(instance=page)
    return page


def make_notice(body="<p>Dữ liệu, mục đích, bên nhận, thời gian lưu, quyền.</p>"):
    return PrivacyNotice.objects.create(title="Thông báo dữ liệu cá nhân", body=body)


def token(seconds_ago=5.0):
    """A fresh single-use form token, as if the form was shown `seconds_ago` seconds ago."""
    return new_form_token(issued=time.time() - seconds_ago)


def form_data(**overrides):
    data = {
        "form-name": "dang-ky-doan-vien",
        "full_name": "Nguyễn Thị Lan",
        "date_of_birth": "05/09/1990",
        "sex": "nu",
        "phone": "0912345678",
        "email": "",
        "province": "01",
        "commune": "",
        "workplace": "Trường Tiểu học Kim Liên",
        "occupation": "Giáo viên",
        "grassroots_union": "",
        "nationality": "VN",
        "nationality_other": "",
        "consent_registration": "on",
        "website": "",
        "started": token(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# A workplace typed as a spreadsheet formula: exports must never let it run.
EVIL = '=HYPERLINK("http://evil.example")'


def register_lan_and_binh(home_page, notice):
    """Two entries through the service: Lan (from `home_page`, the defaults of `values()`) and
    Binh (in Hồ Chí Minh City, with formula-like workplace, occupation and union)."""
    from campaigns.registry.service import register_member

    from .test_registry_service import values

    lan = register_member(values(), notice=notice, source_page=home_page).signup
    binh = register_member(
        values(
            phone="+84987654321",
            full_name="Trần Văn Bình",
            province="79",
            workplace=EVIL,
            occupation="@SUM(1+1)",
            grassroots_union="-2+3",
        ),
        notice=notice,
    ).signup
    return lan, binh


def staff_user(django_user_model, username="canbo", group=True):
    from django.contrib.auth.models import Group, Permission

    user = django_user_model.objects.create_user(username=username, password="matkhau-dai-123")
    if group:
        user.groups.add(Group.objects.get(name=GROUP))
    else:
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def run_worker(max_tasks=None, worker_id="test-worker"):
    """Run django-tasks-db's real worker on the queue until no task is ready.

    It commits and closes connections as in production, so tests that use it are transactional
    (`django_db(transaction=True)`)."""
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()
