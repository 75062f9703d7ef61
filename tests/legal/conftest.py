import pytest

from tests.users import editor, editor_client, user_in  # noqa: F401


@pytest.fixture(autouse=True)
def _no_minimum_fill_time(settings):
    settings.WEBFORMS_MIN_FILL_SECONDS = 0


@pytest.fixture
def legal_staff(db):
    return user_in("tuvan", "Cán bộ tư vấn pháp luật")
