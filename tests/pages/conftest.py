import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def editor(django_user_model):
    """An editor who may publish (groups "Biên tập viên" and "Lãnh đạo duyệt"), not a
    superuser and not staff of the Django admin."""
    user = django_user_model.objects.create_user(
        "bientap", "bientap@example.vn", "mat-khau-bien-tap", is_staff=False
    )
    user.groups.add(*Group.objects.filter(name__in=["Biên tập viên", "Lãnh đạo duyệt"]))
    assert not user.is_superuser
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def count_queries(client, url):
    """How many queries one anonymous GET of `url` makes, with nothing remembered in the cache
    (a render after a purge)."""
    from django.core.cache import cache
    from django.db import connection

    cache.clear()
    calls = []

    def counter(execute, sql, params, many, context):
        calls.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        assert client.get(url).status_code == 200
    cache.clear()
    return len(calls)
