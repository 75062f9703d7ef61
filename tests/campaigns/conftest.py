"""Fixtures of the registry's staff-area tests."""

import pytest

from .registry_helpers import staff_user


@pytest.fixture
def staff(django_user_model, client):
    """A clerk of the registry group, logged in on `client`."""
    user = staff_user(django_user_model)
    client.force_login(user)
    return user
