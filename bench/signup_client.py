"""What the sign-up benchmarks share (bench/signup_load.py, bench/registry_scale.py): SQL on the
bench's PostgreSQL server and timed `manage.py` (bench/commands.py), a client of the real sign-up
form over HTTP, and the gunicorn workers' CPU time from /proc."""

import http.client
import os
import random
import re
import sys
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from commands import manage as run_manage
from commands import run_sql as sql  # noqa: F401 - the benches' SQL

SIGNUP_PATH = "/dang-ky-doan-vien/"


def log(message):
    print(message, file=sys.stderr, flush=True)


def manage(env, *args, timeout=3600):
    seconds = run_manage(env, *args, timeout=timeout)
    log(f"  manage.py {' '.join(args)} ({seconds:.0f} s)")


def form_data(token, started, phone, n, *, name, workplace):
    """What a person sends with the sign-up form (the n-th of a run)."""
    return {
        "csrfmiddlewaretoken": token,
        "form-name": "dang-ky-doan-vien",
        "full_name": f"{name} {chr(0x41 + n % 26)}",
        "date_of_birth": "05/09/1990",
        "sex": "nu" if n % 2 else "nam",
        "phone": phone,
        "province": random.choice(["01", "79", "31", "48", "92"]),
        "workplace": workplace,
        "nationality": "VN",
        "consent_registration": "on",
        "website": "",
        "started": started,
    }


class SignupClient:
    """The sign-up form on 127.0.0.1:<port>, as a browser uses it: GET the form (CSRF cookie
    and token, single-use form token), then POST it."""

    def __init__(self, port, name="Người Thử Tải", workplace="Đơn vị thử tải (dữ liệu thử)"):
        self.port = port
        self.name = name
        self.workplace = workplace

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            conn.close()

    def fetch_form(self, _n=0):
        status, headers, body = self.request("GET", SIGNUP_PATH)
        if status != 200:
            raise RuntimeError(f"form page answered {status}")
        html = body.decode()
        cookie = next(
            value.split(";")[0]
            for name, value in headers
            if name.lower() == "set-cookie" and value.startswith("csrftoken=")
        )
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        started = re.search(r'name="started" value="([^"]+)"', html).group(1)
        return cookie, token, started

    def submit(self, form, phone, n):
        """ "ok" for the confirmation (303 to ?da-dang-ky=1), else the HTTP status."""
        cookie, token, started = form
        data = form_data(token, started, phone, n, name=self.name, workplace=self.workplace)
        status, headers, _ = self.request(
            "POST",
            SIGNUP_PATH,
            body=urllib.parse.urlencode(data),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
        )
        location = dict((k.lower(), v) for k, v in headers).get("location", "")
        return "ok" if status == 303 and "da-dang-ky=1" in location else status


def start_signup_server(env, client, workers):
    """gunicorn serving the portal on the client's port, returned once the form answers."""
    from server import Gunicorn

    server = Gunicorn(env, workers=workers, port=client.port, extra_args=["--timeout", "60"])
    server.start(lambda: client.request("GET", SIGNUP_PATH)[0] == 200)
    return server


def submit_all(client, forms, phones, clients):
    """POST `forms[i]` with `phones[i]` from `clients` threads at once. Returns which were
    accepted (in order), a count of the answers, and the seconds it took."""
    accepted = [False] * len(phones)
    outcomes = Counter()
    lock = threading.Lock()

    def post(i):
        try:
            outcome = client.submit(forms[i], phones[i], i)
        except OSError as error:
            outcome = type(error).__name__
        with lock:
            accepted[i] = outcome == "ok"
            outcomes[outcome] += 1

    started = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(post, range(len(phones))))
    return accepted, outcomes, time.monotonic() - started


def worker_pids(master):
    """The processes gunicorn's master forked (its workers)."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == master:
            pids.append(int(entry))
    return pids


def cpu_seconds(pids):
    """utime + stime of the processes (fields 14 and 15 of /proc/<pid>/stat)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / ticks
