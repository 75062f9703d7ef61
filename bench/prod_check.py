"""`make prod-check`: the production setup of deploy/ run for real on loopback, with faults.

Starts, with production settings (portal.settings.production, DEBUG off) on a fresh database
with the demo content: its own redis-server, gunicorn (2 sync workers) and Debian's nginx in front
with deploy/nginx/portal-locations.conf (the file production uses, with this run's folder in
place of /srv/portal/). Installs nginx with apt-get when it is missing (as root). Then:

1. checks what the configuration promises: gzip (and Brotli when the module is installed), HEAD
   without a body, static files cached for a year, media served but never `documents/` (every
   URL spelling), /healthz;
2. the slow-client attack: 200 connections sending their headers slowly for 20 s, while a normal
   client requests pages; first straight at gunicorn (to show the failure nginx prevents), then
   through nginx, where every request of the normal client must succeed;
3. faults, each while the normal client runs: Redis killed, Redis frozen (SIGSTOP), the search
   server refusing connections and one that accepts and never answers, an SMTP server that never
   answers during a sign-up. Prints requests, errors and the time to recover.

Exit status 1 when a promise fails or the normal client is not served (the figures are printed
either way). Ports: PROD_CHECK_PORT_BASE (default 18050) to +9, on 127.0.0.1 only.

    .venv/bin/python bench/prod_check.py [--attack-seconds 20] [--fault-seconds 10] [--no-baseline]

With PROD_CHECK_DATABASE_URL it uses that database instead of a fresh SQLite file; add
--demo-loaded when it is migrated and holds the demo content already (CI: the restore drill's).
"""

import argparse
import http.client
import json
import os
import re
import secrets
import selectors
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from html import unescape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import ROOT, Gunicorn

BASE = int(os.environ.get("PROD_CHECK_PORT_BASE", "18050"))
APP, NGINX, REDIS, SILENT, CLOSED, APP2 = BASE, BASE + 1, BASE + 2, BASE + 3, BASE + 4, BASE + 5
SECRET = b"%PDF-1.4 prod-check private document, never public"
PY = sys.executable

failures = []


def check(ok, what):
    print(f"  [{'ok' if ok else 'FAIL'}] {what}")
    if not ok:
        failures.append(what)
    return ok


# --- HTTP --------------------------------------------------------------------------------------


def request(port, path, method="GET", headers=None, body=None, timeout=5.0):
    """(status, headers dict (lower-case), body bytes, seconds); status 0 on a network error."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", "127.0.0.1")
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        response = conn.getresponse()
        data = response.read()
        found = {k.lower(): v for k, v in response.getheaders()}
        found["set-cookie-all"] = response.headers.get_all("Set-Cookie") or []
        return response.status, found, data, time.monotonic() - started
    except (OSError, http.client.HTTPException):
        return 0, {}, b"", time.monotonic() - started
    finally:
        conn.close()


def wait_port(port, up=True, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.3):
                if up:
                    return True
        except OSError:
            if not up:
                return True
        time.sleep(0.1)
    return False


# How long the normal client waits for an answer before it counts the request as failed
# (--client-timeout): the checks are that the site keeps answering, not how fast.
CLIENT_TIMEOUT = 10.0


class NormalClient(threading.Thread):
    """Requests `paths` in turn, one at a time, until stopped; counts what it got."""

    def __init__(self, port, paths, timeout=None):
        super().__init__(daemon=True)
        self.port, self.paths = port, paths
        self.timeout = timeout or CLIENT_TIMEOUT
        self.stop_event = threading.Event()
        self.ok, self.errors, self.times, self.statuses = 0, 0, [], {}

    def run(self):
        i = 0
        while not self.stop_event.is_set():
            path = self.paths[i % len(self.paths)]
            i += 1
            status, _, _, seconds = request(self.port, path, timeout=self.timeout)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            self.times.append(seconds)
            if 200 <= status < 400:
                self.ok += 1
            else:
                self.errors += 1
            time.sleep(0.05)

    def finish(self):
        self.stop_event.set()
        self.join(self.timeout + 5)
        return self

    def summary(self):
        times = sorted(self.times) or [0]
        p50 = statistics.median(times) * 1000
        return (
            f"{self.ok + self.errors} requests, {self.errors} errors "
            f"(statuses {dict(sorted(self.statuses.items()))}), "
            f"p50 {p50:.0f} ms, max {times[-1] * 1000:.0f} ms"
        )


def run_client(port, paths, seconds):
    client = NormalClient(port, paths)
    client.start()
    time.sleep(seconds)
    return client.finish()


# --- The slow-client attack --------------------------------------------------------------------


class SlowLoris(threading.Thread):
    """`count` connections that send a request line and then one header line per second, never
    finishing the headers; a connection the server closes is opened again."""

    def __init__(self, port, count=200):
        super().__init__(daemon=True)
        self.port, self.count = port, count
        self.stop_event = threading.Event()
        self.opened = 0
        self.closed_by_server = 0

    def _open(self, selector):
        try:
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=2)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n")
            sock.setblocking(False)
            selector.register(sock, selectors.EVENT_READ)
            self.opened += 1
            return sock
        except OSError:
            return None

    def run(self):
        selector = selectors.DefaultSelector()
        socks = set()
        while not self.stop_event.is_set():
            while len(socks) < self.count and not self.stop_event.is_set():
                sock = self._open(selector)
                if sock is None:
                    break
                socks.add(sock)
            for key, _ in selector.select(timeout=0):
                try:
                    if key.fileobj.recv(4096):
                        continue
                except OSError:
                    pass
                self.closed_by_server += 1
                selector.unregister(key.fileobj)
                key.fileobj.close()
                socks.discard(key.fileobj)
            for sock in list(socks):
                try:
                    sock.send(f"X-Slow-{secrets.token_hex(2)}: 1\r\n".encode())
                except OSError:
                    selector.unregister(sock)
                    sock.close()
                    socks.discard(sock)
            self.stop_event.wait(1.0)
        for sock in socks:
            sock.close()

    def finish(self):
        self.stop_event.set()
        self.join(10)


def attack(target_port, client_port, paths, seconds, label):
    loris = SlowLoris(target_port)
    loris.start()
    time.sleep(1.5)  # the connections are open before the reader comes
    client = run_client(client_port, paths, seconds)
    loris.finish()
    print(
        f"  {label}: normal client {client.summary()}; slow connections opened "
        f"{loris.opened}, closed by the server {loris.closed_by_server}"
    )
    return client


# --- Setup -------------------------------------------------------------------------------------


def manage(env, *args, capture=False):
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        print(result.stdout[-2000:], result.stderr[-4000:])
        raise SystemExit(f"manage.py {' '.join(args)} failed")
    return result.stdout if capture else None


def ensure_nginx():
    if not shutil.which("nginx"):
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            raise SystemExit("nginx is not installed (apt-get install nginx)")
        print("Installing Debian's nginx (apt-get install -y nginx)...")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], env=env, check=True)
        # The Brotli filter is optional: used when Debian has it.
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "libnginx-mod-http-brotli-filter"],
            env=env,
            check=False,
        )
    return shutil.which("nginx") or "/usr/sbin/nginx"


def brotli_module():
    found = sorted(Path("/etc/nginx/modules-enabled").glob("*brotli-filter*.conf"))
    return found[0] if found else None


def write_nginx(work):
    conf = work / "nginx"
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi", "logs"):
        (conf / name).mkdir(parents=True, exist_ok=True)
    locations = (ROOT / "deploy/nginx/portal-locations.conf").read_text()
    locations = locations.replace("/srv/portal/", f"{work}/")
    (conf / "portal-locations.conf").write_text(locations)
    brotli = brotli_module()
    load = f"include {brotli};" if brotli else ""
    brotli_conf = f"include {ROOT / 'deploy/nginx/brotli.conf'};" if brotli else ""
    user = "user root;" if os.geteuid() == 0 else ""
    (conf / "nginx.conf").write_text(
        f"""{user}
{load}
worker_processes 1;
pid {conf}/nginx.pid;
error_log {conf}/logs/error.log warn;
events {{ worker_connections 2048; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    server_tokens off;
    client_body_temp_path {conf}/client_body;
    proxy_temp_path {conf}/proxy;
    fastcgi_temp_path {conf}/fastcgi;
    uwsgi_temp_path {conf}/uwsgi;
    scgi_temp_path {conf}/scgi;
    upstream portal_app {{ server 127.0.0.1:{APP}; keepalive 16; }}
    server {{
        listen 127.0.0.1:{NGINX};
        server_name 127.0.0.1 localhost;
        include {conf}/portal-locations.conf;
        {brotli_conf}
    }}
}}
"""
    )
    return conf / "nginx.conf", bool(brotli)


class Silent:
    """A server that accepts connections (the kernel completes them) and never answers."""

    def __init__(self, port):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(512)

    def close(self):
        self.sock.close()


def start_redis(port):
    process = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1"]
        + ["--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_port(port)
    return process


def new_phone():
    """A mobile number no earlier run used (more than REGISTRY_PHONE_RATE_LIMIT sign-ups of one
    number a day are refused). Always in a block the registry accepts: the form checks numbers
    against libphonenumber's plan, where not every 09x block is assigned (0992… is not: one random
    "09" number in a hundred was refused, and the form came back with an error, HTTP 200). 091 is
    Vinaphone's, the form's own example (0912 345 678)."""
    return "091" + "".join(secrets.choice("0123456789") for _ in range(7))


def form_errors(html):
    """The errors a re-shown sign-up form states, as `field: message` (the summary's own
    messages as `form: …`), so that a refused POST says why."""
    found = []
    for field, items in re.findall(
        r'<ul class="errorlist"(?: id="id_([\w-]+)_error")?>(.*?)</ul>', html, re.S
    ):
        for item in re.findall(r"<li>(.*?)</li>", items, re.S):
            text = unescape(re.sub(r"<[^>]+>", "", item)).strip()
            found.append(f"{field or 'form'}: {text}")
    return "; ".join(dict.fromkeys(found)) or "no error message found on the page"


def signup_post(port, signup_path, phone):
    """GET the form, wait like a person, POST it: (status, seconds of the POST, why), `why`
    saying what went wrong when the form was not accepted (a refused GET, or the errors of the
    form shown again), else ""."""
    # As patient as the normal client: the first GET of a just started server (the SMTP case)
    # renders in a cold worker, which on a busy machine took longer than request()'s 5 s.
    status, headers, body, seconds = request(port, signup_path, timeout=CLIENT_TIMEOUT)
    html = body.decode("utf-8", "replace")
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    cookie = ""
    for line in headers.get("set-cookie-all", []):
        if line.startswith("csrftoken="):
            cookie = line.split(";", 1)[0]
    if status != 200 or "started" not in hidden or not cookie:
        return status, seconds, f"the form's GET: {status} in {seconds:.2f} s, no form or cookie"
    time.sleep(2.5)  # the form refuses answers faster than a person (REGISTRY_MIN_FILL_SECONDS)
    fields = {
        **hidden,
        "full_name": "Trần Văn Kiểm Tra",
        "date_of_birth": "05/09/1990",
        "sex": "nu",
        "phone": phone,
        "email": "",
        "province": "01",
        "workplace": "Trường Tiểu học Kim Liên",
        "occupation": "Giáo viên",
        "nationality": "VN",
        "consent_registration": "on",
        "website": "",
    }
    from urllib.parse import urlencode

    body = urlencode(fields).encode()
    status, _, answer, seconds = request(
        port,
        signup_path,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Referer": f"http://127.0.0.1:{port}{signup_path}",
        },
        body=body,
        timeout=60,
    )
    if status in (302, 303):
        return status, seconds, ""
    why = form_errors(answer.decode("utf-8", "replace")) if answer else "no answer"
    return status, seconds, why


def warm(port, paths):
    """A first request per page and worker: a cold process renders slowly on a busy machine."""
    for _ in range(3):
        for path in paths:
            request(port, path, timeout=30)


def wait_for_hit(port, path="/", limit=60.0):
    """Seconds until `path` is answered from the page cache again."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        status, headers, _, _ = request(port, path)
        if status == 200 and headers.get("x-page-cache") == "hit":
            return time.monotonic() - started
        time.sleep(0.1)
    return None


def main():
    global CLIENT_TIMEOUT
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--attack-seconds", type=float, default=20)
    parser.add_argument("--fault-seconds", type=float, default=10)
    parser.add_argument("--no-baseline", action="store_true", help="skip the attack on gunicorn")
    parser.add_argument(
        "--client-timeout",
        type=float,
        default=CLIENT_TIMEOUT,
        help="seconds the normal client waits for an answer (CI, beside other work: longer)",
    )
    parser.add_argument(
        "--demo-loaded",
        action="store_true",
        help="PROD_CHECK_DATABASE_URL is migrated and holds the demo content already (CI: the "
        "restore drill's database): skip migrate and load_demo_content",
    )
    args = parser.parse_args()
    CLIENT_TIMEOUT = args.client_timeout
    if args.demo_loaded and "PROD_CHECK_DATABASE_URL" not in os.environ:
        parser.error("--demo-loaded needs PROD_CHECK_DATABASE_URL")

    nginx = ensure_nginx()
    work = Path(tempfile.mkdtemp(prefix="prod-check-"))
    work.chmod(0o755)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "REDIS", "ELASTICSEARCH", "OPENSEARCH", "EMAIL"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": os.environ.get(
                "PROD_CHECK_DATABASE_URL", f"sqlite:///{work / 'db.sqlite3'}"
            ),
            "STATIC_ROOT": str(work / "staticfiles"),
            "MEDIA_ROOT": str(work / "media"),
            "PAGE_CACHE_GENERATION_FILE": str(work / "page-cache-generation"),
            "CACHE_IDENTITY_FILE": str(work / "server-cache-identity"),
            "REDIS_URL": f"redis://127.0.0.1:{REDIS}/0",
            "LOGIN_THROTTLE_CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
            "REGISTRY_CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
            "REGISTRY_RATE_LIMIT": "0",
            # As deploy/portal.env.example: hand-offs by the timer job, never in the request.
            "REGISTRY_FORWARD_ON_COMMIT": "false",
            "REGISTRY_DEFAULT_FORWARD_EMAIL": "tiepnhan@example.vn",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(SILENT),
            "LOG_LEVEL": "WARNING",
        }
    )
    processes = []
    servers = []
    silent = Silent(SILENT)
    redis = None
    try:
        print(f"Setting up in {work} (production settings, demo content)...")
        started = time.monotonic()
        setup = [["collectstatic", "--noinput"]]
        if not args.demo_loaded:
            setup[:0] = [["migrate", "--noinput"], ["load_demo_content"]]
        for command in setup:
            step = time.monotonic()
            manage(env, *command)
            print(f"  manage.py {command[0]}: {time.monotonic() - step:.0f} s")
        urls = json.loads(
            manage(
                env,
                "shell",
                "-c",
                "import json; from wagtail.models import Page;"
                "from news.models import NewsArticlePage as A;"
                "from campaigns.models import SignupPage as S;"
                "print(json.dumps({'article': A.objects.live().first().url,"
                "'signup': S.objects.live().first().url}))",
                capture=True,
            )
            .strip()
            .splitlines()[-1]
        )
        media = work / "media"
        if "PROD_CHECK_DATABASE_URL" in os.environ and (ROOT / "media").is_dir():
            # An existing database (CI: the one the demo content was loaded into from this
            # checkout): its images live in the checkout's media folder.
            shutil.copytree(ROOT / "media", media, dirs_exist_ok=True)
        (media / "images").mkdir(parents=True, exist_ok=True)
        (media / "documents").mkdir(parents=True, exist_ok=True)
        (media / "images/prod-check.png").write_bytes(b"\x89PNG\r\n\x1a\nprod-check")
        (media / "documents/prod-check-secret.pdf").write_bytes(SECRET)
        for path in work.rglob("*"):
            path.chmod(path.stat().st_mode | 0o755 if path.is_dir() else 0o644)
        print(f"  ready in {time.monotonic() - started:.0f} s")

        redis = start_redis(REDIS)
        app = Gunicorn(env, workers=2, port=APP)
        servers.append(app)
        app.start(lambda: request(APP, "/healthz")[0] == 200)
        conf, has_brotli = write_nginx(work)
        test = subprocess.run([nginx, "-t", "-c", str(conf)], capture_output=True, text=True)
        check(test.returncode == 0, f"nginx -t accepts the configuration {test.stderr.strip()}")
        front = subprocess.Popen(
            [nginx, "-c", str(conf), "-g", "daemon off;"], start_new_session=True
        )
        processes.append(front)
        check(wait_port(NGINX), "nginx listens")

        pages = ["/", urls["article"], "/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n", urls["signup"]]
        warm(NGINX, pages)
        print("\n1. What the configuration promises (through nginx)")
        status, headers, body, _ = request(NGINX, "/", headers={"Accept-Encoding": "gzip"})
        check(status == 200 and headers.get("content-encoding") == "gzip", "HTML in gzip")
        if has_brotli:
            status, headers, _, _ = request(NGINX, "/", headers={"Accept-Encoding": "br, gzip"})
            check(headers.get("content-encoding") == "br", "HTML in Brotli (module installed)")
        else:
            print("  [--] Brotli: libnginx-mod-http-brotli-filter not installed")
        for path in ("/", "/tim-kiem/", "/tim-kiem/goi-y/", "/robots.txt", "/healthz"):
            status, _, body, _ = request(NGINX, path, method="HEAD")
            check(status == 200 and body == b"", f"HEAD {path}: 200 without a body")
        status, _, body, _ = request(APP, "/", method="HEAD")
        check(status == 200 and body == b"", "HEAD / straight at gunicorn: no body either")
        css = next((work / "staticfiles").rglob("*.css"))
        static_path = "/static/" + str(css.relative_to(work / "staticfiles"))
        status, headers, _, _ = request(NGINX, static_path)
        check(
            status == 200 and "immutable" in headers.get("cache-control", ""),
            f"static file from nginx, cached a year ({static_path})",
        )
        status, headers, body, _ = request(NGINX, "/media/images/prod-check.png")
        check(status == 200 and body.startswith(b"\x89PNG"), "media image served")
        leaks = []
        for path in (
            "/media/documents/prod-check-secret.pdf",
            "/media//documents/prod-check-secret.pdf",
            "/media/./documents/prod-check-secret.pdf",
            "/media/images/../documents/prod-check-secret.pdf",
            "/media/images/%2E%2E/documents/prod-check-secret.pdf",
            "/media/documents%2Fprod-check-secret.pdf",
            "/media/%64ocuments/prod-check-secret.pdf",
            "/media/documents/",
        ):
            status, _, body, _ = request(NGINX, path)
            if SECRET in body:
                leaks.append(f"{path} ({status})")
        check(not leaks, f"no URL under /media/ serves documents/ {leaks}")
        status, _, body, _ = request(NGINX, "/healthz")
        check(status == 200 and json.loads(body)["status"] == "ok", f"/healthz: {body.decode()}")
        # X-Forwarded-Proto is trusted by the app (SECURE_PROXY_SSL_HEADER): nginx must overwrite
        # what the client sent. Django adds HSTS only to requests it believes are HTTPS.
        spoof = {"X-Forwarded-Proto": "https"}
        _, direct_headers, _, _ = request(APP, "/healthz", headers=spoof)
        _, front_headers, _, _ = request(NGINX, "/healthz", headers=spoof)
        check(
            "strict-transport-security" in direct_headers
            and "strict-transport-security" not in front_headers,
            "a client's own X-Forwarded-Proto is overwritten by nginx (trusted by gunicorn alone)",
        )

        print(
            "\n2. Slow-client attack: 200 connections sending headers slowly, "
            f"{args.attack_seconds:g} s"
        )
        if not args.no_baseline:
            direct = attack(APP, APP, pages, min(args.attack_seconds, 10), "gunicorn alone")
            app.stop()  # workers held by slow connections: start clean for the next part
            app.start(lambda: request(APP, "/healthz")[0] == 200)
            warm(NGINX, pages)
            print(f"    (without nginx the reader lost {direct.errors} requests)")
        behind = attack(NGINX, NGINX, pages, args.attack_seconds, "behind nginx")
        check(
            behind.errors == 0 and behind.ok > 0,
            f"behind nginx the normal client was served: {behind.ok} of "
            f"{behind.ok + behind.errors} requests succeeded",
        )

        print(f"\n3. Faults ({args.fault_seconds:g} s each, normal client through nginx)")
        request(NGINX, "/")
        check(wait_for_hit(NGINX) is not None, "pages cached in Redis before the faults")
        redis.kill()
        redis.wait()
        client = run_client(NGINX, pages, args.fault_seconds)
        status, seconds, why = signup_post(NGINX, urls["signup"], new_phone())
        check(client.errors == 0, f"Redis killed: {client.summary()}")
        line = f"Redis killed: sign-up POST {status} in {seconds:.2f} s"
        check(status in (302, 303), line + (f" (not accepted: {why})" if why else " (accepted)"))
        restarted = time.monotonic()
        redis = start_redis(REDIS)
        hit = wait_for_hit(NGINX)
        check(hit is not None, f"Redis back: cached again {hit or 0:.1f} s after its restart")
        del restarted

        redis.send_signal(signal.SIGSTOP)
        client = run_client(NGINX, pages, args.fault_seconds)
        status, seconds, why = signup_post(NGINX, urls["signup"], new_phone())
        check(client.errors == 0, f"Redis frozen: {client.summary()}")
        line = f"Redis frozen: sign-up POST {status} in {seconds:.2f} s"
        check(status in (302, 303), line + (f" (not accepted: {why})" if why else " (accepted)"))
        redis.send_signal(signal.SIGCONT)
        hit = wait_for_hit(NGINX)
        check(hit is not None, f"Redis thawed: cached again {hit or 0:.1f} s after SIGCONT")

        search_paths = [
            "/tim-kiem/?q=02-NQ%2FTW",
            "/tim-kiem/goi-y/?q=nghi+quyet",
            "/tim-kiem/?q=cong+doan",
        ]
        for kind, port, label in (
            ("ELASTICSEARCH_URL", CLOSED, "Elasticsearch refusing connections"),
            ("OPENSEARCH_URL", SILENT, "OpenSearch accepting and never answering"),
        ):
            other = Gunicorn({**env, kind: f"http://127.0.0.1:{port}"}, workers=2, port=APP2)
            servers.append(other)
            other.start(lambda: request(APP2, "/healthz")[0] == 200)
            client = run_client(APP2, search_paths, args.fault_seconds)
            # As patient as the normal client (NormalClient's timeout): on a busy machine the
            # other worker's first search waits out the server's timeout before the database
            # answers, which can take more than request()'s default 5 s.
            status, _, body, _ = request(APP2, search_paths[0], timeout=client.timeout)
            check(
                client.errors == 0 and status == 200 and "02-NQ/TW" in body.decode(),
                f"{label}: {client.summary()}; 02-NQ/TW found",
            )
            other.stop()
            servers.remove(other)

        for on_commit in ("false", "true"):
            other = Gunicorn(
                {**env, "REGISTRY_FORWARD_ON_COMMIT": on_commit, "EMAIL_TIMEOUT": "10"},
                workers=2,
                port=APP2,
            )
            servers.append(other)
            other.start(lambda: request(APP2, "/healthz")[0] == 200)
            status, seconds, why = signup_post(APP2, urls["signup"], new_phone())
            line = (
                f"SMTP never answers, REGISTRY_FORWARD_ON_COMMIT={on_commit}: sign-up POST "
                f"{status} in {seconds:.2f} s"
            )
            if why:
                line += f" (not accepted: {why})"
            if on_commit == "false":
                check(status in (302, 303) and seconds < 2, line + " (target < 2 s)")
            else:
                print(f"  [info] {line} (forwarding inside the request: not the deploy setting)")
            other.stop()
            servers.remove(other)
    finally:
        for server in servers:
            server.stop()
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(10)
        if redis is not None and redis.poll() is None:
            redis.send_signal(signal.SIGCONT)
            redis.kill()
            redis.wait()
        silent.close()
        shutil.rmtree(work, ignore_errors=True)

    print()
    if failures:
        print(f"prod-check FAILED: {len(failures)} check(s): " + "; ".join(failures))
        return 1
    print("prod-check passed: the normal client was served through every attack and fault.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
