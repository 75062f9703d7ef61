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


def process_cpu_ns(pid):
    """Nanoseconds the process's threads have run on a CPU (the first field of each thread's
    /proc/<pid>/task/<tid>/schedstat), or None if the kernel keeps no schedstat."""
    total = 0
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    for thread in threads:
        try:
            with open(f"/proc/{pid}/task/{thread}/schedstat") as handle:
                total += int(handle.read().split()[0])
        except (OSError, ValueError, IndexError):
            if thread == str(pid):
                return None
    return total


class Gunicorn:
    def __init__(self, env, *, workers=2, port=None, extra_args=()):
        self.env = env
        self.workers = workers
        self.port = port or free_port()
        self.extra_args = list(extra_args)
        self.process = None
        self.running = False

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
        """CPU seconds used so far by the server's workers (every process of its process group
        but the master) and by `extra_pids` (their database server processes), from /proc: what
        requests cost the server, whatever else the machine is doing (wall-clock times on a
        shared machine are not). Each process's time on a CPU in nanoseconds
        (`/proc/<pid>/task/*/schedstat`, every thread), or, where the kernel keeps no
        schedstat, its user + system time in clock ticks (10 ms: a short segment's figure would
        be off by a few percent)."""
        if self.process is None:
            return 0.0
        seconds = 0.0
        self.running = False  # one of them was running or waiting for a CPU (state R)
        missing = set(extra_pids)
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) == self.process.pid:
                continue
            fields = process_stat(entry)
            # Field 5, pgrp: the server was started in its own session.
            if fields and (int(fields[2]) == self.process.pid or int(entry) in extra_pids):
                self.running = self.running or fields[0] == "R"  # field 3, state
                on_cpu = process_cpu_ns(entry)
                if on_cpu is None:  # fields 14-15: utime, stime
                    seconds += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
                else:
                    seconds += on_cpu / 1e9
                missing.discard(int(entry))
        if missing:  # its CPU left the sum: the figure of the segment would be wrong
            raise RuntimeError(f"database server processes {sorted(missing)} ended mid-measurement")
        return seconds

    def stop(self, timeout=15):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None
