"""Settings come from the environment; production refuses to start without a secret key."""

import os

import pytest

from tests.processes import ROOT, run_python

pytestmark = pytest.mark.db_independent  # CI runs it once, in the SQLite phase


def run_settings(module, env_extra, code):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    env.update(env_extra)
    env["DJANGO_SETTINGS_MODULE"] = module
    # The settings module alone (no app loading: a second instead of several).
    return run_python(f"from django.conf import settings; settings.INSTALLED_APPS; {code}", env)


def test_sqlite_file_when_database_url_is_absent():
    result = run_settings(
        "portal.settings.dev",
        {},
        "print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'])",
    )
    assert result.returncode == 0, result.stderr
    engine, name = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert name == str(ROOT / "db.sqlite3")


def test_postgresql_when_database_url_is_set():
    result = run_settings(
        "portal.settings.dev",
        {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/portal_x"},
        "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'], d['HOST'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "portal_x", "127.0.0.1"]


def test_production_refuses_to_start_without_secret_key():
    result = run_settings(
        "portal.settings.production", {"ALLOWED_HOSTS": "example.vn"}, "print('started')"
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "started" not in result.stdout


def test_production_starts_with_secret_key_and_no_debug():
    result = run_settings(
        "portal.settings.production",
        {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.vn"},
        "print(settings.DEBUG, settings.ALLOWED_HOSTS, settings.SESSION_COOKIE_SECURE)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "['example.vn']", "True"]


def test_redis_cache_only_when_redis_url_is_set():
    code = "print(settings.CACHES['default']['BACKEND'])"
    without = run_settings("portal.settings.dev", {}, code)
    with_redis = run_settings(
        "portal.settings.dev", {"REDIS_URL": "redis://127.0.0.1:6379/1"}, code
    )
    assert without.stdout.strip().endswith("LocMemCache")
    assert with_redis.stdout.strip().endswith("RedisCache")


def test_language_and_time_zone():
    result = run_settings(
        "portal.settings.dev", {}, "print(settings.LANGUAGE_CODE, settings.TIME_ZONE)"
    )
    assert result.stdout.split() == ["vi", "Asia/Ho_Chi_Minh"]
