import pytest

from tests.public_pages import input_value
from tests.users import editor, user_in  # noqa: F401

from .factories import three_field_form


@pytest.fixture(autouse=True)
def _no_minimum_fill_time(settings):
    """A test submits as fast as it can; the minimum time is tested on its own."""
    settings.WEBFORMS_MIN_FILL_SECONDS = 0


@pytest.fixture
def form_page(home_page):
    return three_field_form(home_page, slug="dang-ky-hoi-thi")


@pytest.fixture
def form_staff(db):
    return user_in("canbo", "Cán bộ xử lý biểu mẫu")


def blank_form(client, url):
    """GET the form page; return the hidden values a browser would send back."""
    html = client.get(url).content.decode()
    started = input_value(html, "form_started")
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
