import re

import pytest
from django.contrib.auth.models import Group

from .factories import three_field_form


@pytest.fixture(autouse=True)
def _no_minimum_fill_time(settings):
    """A test submits as fast as it can; the minimum time is tested on its own."""
    settings.WEBFORMS_MIN_FILL_SECONDS = 0


@pytest.fixture
def form_page(home_page):
    return three_field_form(home_page, slug="dang-ky-hoi-thi")


@pytest.fixture
def form_staff(django_user_model):
    user = django_user_model.objects.create_user("canbo", "canbo@example.vn", "x")
    user.groups.add(Group.objects.get(name="Cán bộ xử lý biểu mẫu"))
    return user


@pytest.fixture
def editor(django_user_model):
    """An editor who may publish ("Biên tập viên" and "Lãnh đạo duyệt"), not a superuser,
    without the permission to read submissions."""
    user = django_user_model.objects.create_user("bientap", "bientap@example.vn", "x")
    user.groups.add(*Group.objects.filter(name__in=["Biên tập viên", "Lãnh đạo duyệt"]))
    return user


def blank_form(client, url):
    """GET the form page; return the hidden values a browser would send back."""
    html = client.get(url).content.decode()
    started = re.search(r'name="form_started" value="([^"]+)"', html).group(1)
    return {"form_started": started}


def valid_data(client, url, **overrides):
    data = blank_form(client, url)
    data.update(
        {
            "ho_va_ten": "Phạm Thị Lan",
            "thu_dien_tu": "lan@example.vn",
            "noi_dung_thi": "Văn nghệ",
            "consent": "on",
            "website": "",
        }
    )
    data.update(overrides)
    return data
