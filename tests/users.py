"""People of the admin as the tests need them: a user in some of the site's groups, and the editor
who writes and publishes pages (fixtures `editor` and `editor_client`, imported by the conftests
of the apps whose tests use them)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.sections import APPROVERS, EDITORS


def user_in(username, *group_names):
    """A user (neither a superuser nor staff of the Django admin) in each of the named groups,
    which must exist."""
    user = get_user_model().objects.create_user(username, f"{username}@example.vn", "x")
    user.groups.add(*[Group.objects.get(name=name) for name in group_names])
    return user


@pytest.fixture
def editor(db):
    """An editor who may publish (groups "Biên tập viên" and "Lãnh đạo duyệt"): not a superuser,
    and without the permissions to read what people sent (submissions, legal questions)."""
    return user_in("bientap", EDITORS, APPROVERS)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
