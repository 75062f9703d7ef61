"""Python code in an interpreter of its own, started from the project's folder, for the tests of
what a process reads once at its start (the settings, the environment) or of what another process
(a cron job, another worker) does."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_python(code, env, *, check=False):
    """`python -c code` with exactly the environment `env` (a dict: copy `os.environ` to inherit
    it), its output read as text. With `check`, a failure is a failed assertion that shows what
    the process wrote to stderr."""
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if check:
        assert result.returncode == 0, result.stderr
    return result
