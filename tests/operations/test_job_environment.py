"""A periodic job run with another cache than the web server's is warned (portal.W001); one run
with the server's environment is not."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal import cache_identity
from tests.processes import run_python

pytestmark = pytest.mark.db_independent  # CI runs it once, in the SQLite phase

ROOT = Path(__file__).resolve().parents[2]


def run_check(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def server_env(tmp_path_factory):
    """The web server's environment, after its start recorded its cache (once for the module:
    each start is a Django process; the tests copy the environment before changing it)."""
    tmp_path = tmp_path_factory.mktemp("server")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS", "DATABASE_URL"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "job-environment-test-key-" + "x" * 40,
            "REDIS_URL": "redis://:s3cret-password@127.0.0.1:6390/3",
            "CACHE_KEY_PREFIX": "cdvc",
            "CACHE_IDENTITY_FILE": str(tmp_path / "identity"),
            "PAGE_CACHE_GENERATION_FILE": str(tmp_path / "generation"),
        }
    )
    # The web server starts: gunicorn's worker hook (gunicorn.conf.py) records its cache.
    start_worker = (
        "import runpy, portal.wsgi; runpy.run_path('gunicorn.conf.py')['post_worker_init'](None)"
    )
    run_python(start_worker, env, check=True)
    return env


def test_the_server_records_its_cache_without_secrets(server_env):
    identity = Path(server_env["CACHE_IDENTITY_FILE"])
    data = json.loads(identity.read_text())
    assert "redis://127.0.0.1:6390/3" in data["cache"] and "'cdvc'" in data["cache"]
    assert "s3cret" not in identity.read_text()
    assert data["pid"] > 0


def test_a_job_with_the_servers_environment_is_not_warned(server_env):
    result = run_check(server_env)
    assert result.returncode == 0
    assert "portal.W001" not in result.stderr + result.stdout


def test_a_job_with_another_cache_is_warned(server_env):
    # The classic mistake: `manage.py publish_scheduled` from cron without the environment file
    # picks the development settings and their local-memory cache.
    env = dict(server_env)
    for name in ("DJANGO_SETTINGS_MODULE", "REDIS_URL", "SECRET_KEY"):
        env.pop(name)
    result = run_check(env)
    output = result.stderr + result.stdout
    assert "portal.W001" in output
    assert "redis://127.0.0.1:6390/3" in output and "LocMemCache" in output
    assert "s3cret" not in output

    other_prefix = dict(server_env, CACHE_KEY_PREFIX="other")
    assert "portal.W001" in run_check(other_prefix).stderr


def test_runserver_records_nothing(tmp_path):
    """Only gunicorn records: a development server must not make the production checks warn."""
    env = dict(os.environ, CACHE_IDENTITY_FILE=str(tmp_path / "identity"))
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    run_python("import portal.wsgi", env, check=True)
    assert not (tmp_path / "identity").exists()


def test_no_identity_recorded_means_no_warning(settings, tmp_path):
    settings.CACHE_IDENTITY_FILE = str(tmp_path / "never-written")
    assert cache_identity.same_cache_as_the_server(None) == []
    settings.CACHE_IDENTITY_FILE = ""
    cache_identity.record()  # disabled: writes nothing, raises nothing
    assert cache_identity.same_cache_as_the_server(None) == []
