"""Parts the tests break on purpose: a Redis server of their own (never the machine's), on a
port of the range given by KEEP_TEST_PORT_BASE (default 18000), one port per xdist worker."""

import os
import shutil
import signal
import socket
import subprocess
import time

import pytest

PORT_BASE = int(os.environ.get("KEEP_TEST_PORT_BASE", "18000"))


def worker_port(offset):
    """A port for this pytest-xdist worker (gw0, gw1, ...): PORT_BASE + 10 * worker + offset."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = int(worker[2:]) if worker[2:].isdigit() else 0
    return PORT_BASE + 10 * index + offset


def wait_for_port(port, up=True, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                if up:
                    return
        except OSError:
            if not up:
                return
        time.sleep(0.05)
    raise AssertionError(f"port {port} still {'closed' if up else 'open'} after {seconds} s")


class RedisServer:
    """A throw-away redis-server on 127.0.0.1:port that a test can stop, freeze and restart."""

    def __init__(self, port):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()
            self.process.wait(10)
        wait_for_port(self.port, up=False)

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)


@pytest.fixture
def redis_server():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    server = RedisServer(worker_port(1))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(redis_server, settings):
    """The production cache settings (settings/caches.py with REDIS_URL) on the test's own Redis,
    retrying after 0.2 s instead of 5 so that a test sees the recovery quickly."""
    from django.core.cache import caches

    from portal.cache import outage, redis_cache_settings

    outage.reset()
    settings.CACHES = {"default": redis_cache_settings(redis_server.url, "cdvc-test", {})}
    settings.CACHE_RETRY_SECONDS = 0.2
    settings.PAGE_CACHE_ENABLED = True
    yield caches["default"]
    outage.reset()


@pytest.fixture
def closed_port():
    """A port on 127.0.0.1 where nothing listens (connections are refused)."""
    port = worker_port(2)
    wait_for_port(port, up=False)
    return port


@pytest.fixture
def silent_port():
    """A server that accepts connections (the kernel completes them) and never answers."""
    port = worker_port(3)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(128)
    yield port
    listener.close()
