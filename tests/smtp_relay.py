"""A mail relay that accepts connections and never answers, and the settings that send mail to
it: for the tests that show mail goes from a task on the queue, never from a visitor's request
(tests/campaigns/test_registry_tasks.py, tests/webforms/test_notifications.py)."""

import socket
import threading
from contextlib import contextmanager

import pytest


def free_port(ports):
    """A port in `ports` (the test's range on the shared machine) that nothing listens on."""
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail(f"no free port in {ports.start}-{ports.stop - 1}")


@contextmanager
def hanging_relay(ports):
    """An SMTP server on 127.0.0.1 (a free port in `ports`) that accepts every connection and
    never says a word (not even the greeting). Yields (port, accepted connections)."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", free_port(ports)))
    server.listen(16)
    server.settimeout(0.2)
    accepted, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1], accepted
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in accepted:
            connection.close()
        server.close()


def use_smtp(settings, port, timeout):
    """Send mail over SMTP to 127.0.0.1:`port`, giving up after `timeout` seconds."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = timeout
