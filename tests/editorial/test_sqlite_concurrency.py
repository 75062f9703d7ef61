"""On the embedded SQLite default, autosaves racing publishes of the same pages through the real
admin views of a running server give no HTTP 500 ("database is locked" before IMMEDIATE mode).

The test suite's own SQLite database is in memory and shared by one connection, so this starts
`manage.py runserver` (threaded: one connection per request thread) on a fresh SQLite file.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.db import connection

from tests.news.admin_forms import article_form_data

ROOT = Path(__file__).resolve().parents[2]
# Migrated and filled in one process (each start of Django costs about two seconds of CPU).
SETUP = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
from django.contrib.auth import get_user_model
from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from wagtail.models import Site
home = Site.objects.get(is_default_site=True).root_page
index = home.add_child(instance=NewsIndexPage(title="Tin tức", slug="tin-tuc"))
index.save_revision().publish()
category = NewsCategory.objects.create(name="Hoạt động", slug="hoat-dong")
ids = []
for n in range(4):
    page = index.add_child(instance=NewsArticlePage(
        title=f"Bài {n}", slug=f"bai-{n}", lead="Sapo.", category=category, live=False))
    page.save_revision().publish()
    ids.append(page.pk)
get_user_model().objects.create_superuser("bientap", "b@example.vn", "mat-khau-thu-nghiem")
print("IDS", category.pk, *ids)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def form(category, n, title, action):
    return article_form_data(
        category,
        title=title,
        body_html=f"<p>{title}</p>",
        slug=f"bai-{n}",
        lead="Sapo sửa lúc đua.",
        **({"action-publish": "1"} if action == "publish" else {}),
    )


@pytest.fixture
def sqlite_server(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's own locking; the PostgreSQL run has nothing to show here")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PAGE_CACHE_GENERATION_FILE": str(tmp_path / "generation"),
        "LOGIN_THROTTLE_MAX_FAILURES": "1000",
    }
    env.pop("REDIS_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    if template := os.environ.get("SQLITE_TEST_TEMPLATE"):
        # The suite's migrated SQLite template (.ci/run): migrate (in SETUP) then has nothing
        # (or only what is newer than the template) to do.
        shutil.copyfile(template, tmp_path / "db.sqlite3")
    out = subprocess.run(
        [*manage, "shell", "-c", SETUP],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    category, *ids = [int(x) for x in re.search(r"IDS ([\d ]+)", out).group(1).split()]
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("w") as stderr:
        server = subprocess.Popen(
            [
                *manage,
                "runserver",
                f"127.0.0.1:{port}",
                "--noreload",
                "--nostatic",
                "--skip-checks",
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            text=True,
        )
    base = f"http://127.0.0.1:{port}"
    # Wait for the server however loaded the machine is (its start took over a minute at load 28).
    deadline = time.monotonic() + 600
    while True:
        try:
            requests.get(f"{base}/admin/login/", timeout=120)
            break
        except requests.RequestException as error:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                server.wait()
                message = f"runserver did not start:\n{log.read_text()[-5000:]}"
                raise AssertionError(message) from error
            time.sleep(0.5)
    try:
        yield base, category, ids, log
    finally:
        server.terminate()
        server.wait(timeout=20)


def server_errors(log):
    """The server's logged errors (with their tracebacks), for the failure message."""
    text = log.read_text(errors="replace")
    # One block per logged record: "2026-… ERROR …" with its traceback, or runserver's "[02/…]".
    blocks = re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:|\[\d\d/)", text)
    return "\n".join(b for b in blocks if " ERROR " in b or "Traceback" in b) or text[-5000:]


def login(base):
    session = requests.Session()
    session.get(f"{base}/admin/login/", timeout=120)
    token = session.cookies["csrftoken"]
    response = session.post(
        f"{base}/admin/login/",
        data={
            "username": "bientap",
            "password": "mat-khau-thu-nghiem",
            "csrfmiddlewaretoken": token,
        },
        headers={"Referer": f"{base}/admin/login/"},
        timeout=120,
    )
    assert response.status_code == 200 and "/admin/login/" not in response.url
    return session


def test_twenty_concurrent_autosaves_and_publishes_give_no_500(sqlite_server):
    base, category, ids, log = sqlite_server
    sessions = [login(base) for _ in range(4)]

    def hit(i):
        session = sessions[i % len(sessions)]
        n = i % len(ids)
        page = ids[n]
        action = "publish" if i % 2 else "autosave"
        data = form(category, n, f"Bài {n} lần {i}", action)
        data["csrfmiddlewaretoken"] = session.cookies["csrftoken"]
        headers = {"Referer": f"{base}/admin/pages/{page}/edit/"}
        if action == "autosave":
            headers["Accept"] = "application/json"  # what the autosave script sends
        response = session.post(
            f"{base}/admin/pages/{page}/edit/",
            data=data,
            headers=headers,
            timeout=120,
            allow_redirects=False,
        )
        return action, response.status_code, response.text[:300]

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(hit, range(40)))
    errors = [r for r in results if r[1] >= 500]
    # A failure says why: the server's traceback (e.g. "database is locked" and the statement).
    assert errors == [], f"{errors}\n{server_errors(log)}"
    assert all("database is locked" not in r[2] for r in results), server_errors(log)
    publishes = [r for r in results if r[0] == "publish"]
    assert all(status == 302 for _action, status, _text in publishes), publishes
    autosaves = [r for r in results if r[0] == "autosave"]
    # An autosave answers in JSON: saved, or refused because a publish made it out of date.
    assert all(status in (200, 400) for _action, status, _text in autosaves), autosaves
