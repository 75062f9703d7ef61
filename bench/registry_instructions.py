"""Instructions per request of the sign-up form and the registry admin, counted by callgrind: a
figure that does not move with the machine's load (the CPU times of registry_scale.py do, by
±20% on a busy shared machine). In one process, production settings, Django's test client
(CSRF enforced, a fresh visitor per form), the garbage collector frozen after start-up as
gunicorn.conf.py does in each worker:

- `signup`: N form GETs (page cache hits: the token holes filled), then, after the 2-second time
  trap, N POSTs of new numbers (stored: 303), counted apart;
- `admin`: each admin request of registry_scale.py (ADMIN_REQUESTS), N times, as a superuser;
  a third argument keeps only the requests whose label contains it (`admin 5 phone`).

    DATABASE_URL=postgres://…/<a registry with the demo content> DJANGO_SETTINGS_MODULE=\
    portal.settings.production SECRET_KEY=… ALLOWED_HOSTS=testserver SECURE_SSL_REDIRECT=false \
    REGISTRY_RATE_LIMIT=1000000 valgrind --tool=callgrind --instr-atstart=no \
    .venv/bin/python bench/registry_instructions.py signup|admin [N]

Prints thousands of instructions (kIr) per request. The counts are switched on and dumped with
callgrind_control around each phase; the dump files are written in the current folder.
"""

import gc
import glob
import os
import random
import re
import secrets
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
PID = str(os.getpid())


def control(*args):
    subprocess.run(["callgrind_control", *args, PID], check=True, capture_output=True)


def counted(label, requests, run):
    """Run `run()` with counting on; print kIr (thousands of instructions) per request."""
    control("-i", "on")
    run()
    control("-d", label)
    control("-i", "off")
    for _ in range(100):  # the dump is written by valgrind, a moment later
        for path in glob.glob(f"callgrind.out.{PID}.*"):
            text = Path(path).read_text()
            if f"dump {label}\n" in text and "\ntotals:" in text:
                total = int(text.split("\ntotals:")[1].split()[0])
                print(f"{label}: {total // requests // 1000:,} kIr per request", flush=True)
                return
        time.sleep(0.2)
    raise RuntimeError(f"no callgrind dump for {label}: run this under valgrind --tool=callgrind")


def signup(client, n):
    from signup_client import SIGNUP_PATH, form_data

    def fetch():
        client.cookies.clear()
        response = client.get(SIGNUP_PATH)
        assert response.status_code == 200, response.status_code
        html = response.content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        started = re.search(r'name="started" value="([^"]+)"', html).group(1)
        return dict(client.cookies), token, started

    def post(i, form):
        cookies, token, started = form
        client.cookies.clear()
        client.cookies.update(cookies)
        phone = f"056{random.randrange(10**7):07d}"
        data = form_data(token, started, phone, i, name="Người Thử Tải", workplace="Đơn vị thử tải")
        response = client.post(
            SIGNUP_PATH,
            urllib.parse.urlencode(data),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 303, response.status_code

    forms = [fetch() for _ in range(n + 3)]
    time.sleep(2.2)
    for i in range(3):  # warm
        post(i, forms[i])
    gc.collect()
    gc.freeze()
    counted("get", n, lambda: [fetch() for _ in range(n)])
    counted("post", n, lambda: [post(i, form) for i, form in enumerate(forms[3:])])


def admin(client, n, only=""):
    from django.contrib.auth import get_user_model
    from registry_scale import ADMIN_REQUESTS

    from campaigns.registry.models import MemberSignup

    user = get_user_model().objects.filter(username="bench-admin").first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench-admin", "", secrets.token_hex(16))
    client.force_login(user)
    phones = MemberSignup.objects.filter(phone__startswith="+8459").order_by("phone")
    national = "0" + phones.values_list("phone", flat=True)[phones.count() // 2][3:]
    typed = urllib.parse.quote(f"{national[:4]} {national[4:7]} {national[7:]}")
    urls = [
        (label, "/admin/dang-ky/" + query.format(phone=typed))
        for label, query in ADMIN_REQUESTS
        if only in label
    ]
    for _label, url in urls:
        for _ in range(2):
            assert client.get(url).status_code == 200, url
    gc.collect()
    gc.freeze()
    for i, (label, url) in enumerate(urls):
        print(f"a{i} = {label}")
        counted(f"a{i}", n, lambda url=url: [client.get(url) for _ in range(n)])


def main():
    import django

    django.setup()
    from django.test import Client

    what = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR="127.0.0.1")
    if what == "admin":
        admin(client, n, sys.argv[3] if len(sys.argv) > 3 else "")
    else:
        signup(client, n)


if __name__ == "__main__":
    main()
