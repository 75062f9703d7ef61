"""gunicorn for the benchmarks: started in its own process group on 127.0.0.1, waited for, and
stopped with everything it forked (also when the benchmark fails)."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def free_port(ports=None):
    """A free port on 127.0.0.1: the first free one of `ports` (a shared machine gives each
    engineer a range), or any the system picks."""
    for port in ports or [0]:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError("no free port in the range")


def process_stat(pid):
    """/proc/<pid>/stat's fields after the command name (from field 3), or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            stat = handle.read()
    except OSError:
        return None
    # The command name (field 2) may hold spaces: split after its closing parenthesis.
    return stat[stat.rindex(")") + 2 :].split()


class Gunicorn:
    def __init__(self, env, *, workers=2, port=None, extra_args=()):
        self.env = env
        self.workers = workers
        self.port = port or free_port()
        self.extra_args = list(extra_args)
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, ready, attempts=150, pause=0.2):
        """Start the server and poll `ready()` (True once it answers) until it does."""
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "portal.wsgi",
                "--config",  # the project's own, as in production (docs/deployment.md)
                str(ROOT / "gunicorn.conf.py"),
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
                *self.extra_args,
            ],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
        )
        for _ in range(attempts):
            try:
                if ready():
                    return self.base_url
            except OSError:
                pass
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited")
            time.sleep(pause)
        raise RuntimeError("gunicorn did not answer")

    def worker_cpu_seconds(self, extra_pids=()):
        """User + system CPU seconds used so far by the server's workers (every process of its
        process group but the master) and by `extra_pids` (their database server processes),
        from /proc: what requests cost the server, whatever else the machine is doing
        (wall-clock times on a shared machine are not)."""
        if self.process is None:
            return 0.0
        ticks = 0
        missing = set(extra_pids)
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) == self.process.pid:
                continue
            fields = process_stat(entry)
            # Field 5, pgrp: the server was started in its own session.
            if fields and (int(fields[2]) == self.process.pid or int(entry) in extra_pids):
                ticks += int(fields[11]) + int(fields[12])  # fields 14-15: utime, stime
                missing.discard(int(entry))
        if missing:  # its CPU left the sum: the figure of the segment would be wrong
            raise RuntimeError(f"database server processes {sorted(missing)} ended mid-measurement")
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self, timeout=15):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None
