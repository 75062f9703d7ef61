import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def editor(django_user_model):
    """An editor who may publish (Wagtail's "Editors" and "Moderators" groups), not a
    superuser and not staff of the Django admin."""
    user = django_user_model.objects.create_user(
        "bientap", "bientap@example.vn", "mat-khau-bien-tap", is_staff=False
    )
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    assert not user.is_superuser
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
