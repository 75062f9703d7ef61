import pytest
from django.contrib.auth.models import Group

from tests.pages.conftest import editor, editor_client  # noqa: F401


@pytest.fixture(autouse=True)
def _no_minimum_fill_time(settings):
    settings.WEBFORMS_MIN_FILL_SECONDS = 0


@pytest.fixture
def legal_staff(django_user_model):
    user = django_user_model.objects.create_user("tuvan", "tuvan@example.vn", "x")
    user.groups.add(Group.objects.get(name="Cán bộ tư vấn pháp luật"))
    return user
