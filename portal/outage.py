"""A process's view of a shared server that may go away (the cache, the search server): up, or
down since when and until when to wait before trying again. The cache (portal/cache.py) and
search (search/resilient.py) each keep one; docs/operations.md, "When a part fails".

After a failure the process stops asking the server for the retry pause (a setting), so only one
call per process and per pause pays the server's timeout; one WARNING when the outage starts and
one when the server answers again, never one per call.
"""

import logging
import threading
import time

from django.conf import settings


class Outage:
    def __init__(self, logger_name, retry_setting, retry_default, down_message, up_message):
        """`down_message` is formatted with the error's type, its text and the pause in seconds;
        `up_message` with the length of the outage in seconds."""
        self.logger = logging.getLogger(logger_name)
        self.retry_setting = retry_setting
        self.retry_default = retry_default
        self.down_message = down_message
        self.up_message = up_message
        self._lock = threading.Lock()
        self.down_since = None  # monotonic time of the first failure of the current outage
        self.retry_at = 0.0
        self.recovered = False  # a recovery not yet taken by take_recovered()

    def _retry_seconds(self):
        return float(getattr(settings, self.retry_setting, self.retry_default))

    def skip_server(self):
        """True while the server is down and the pause before the next try is not over."""
        return self.down_since is not None and time.monotonic() < self.retry_at

    def failed(self, error):
        with self._lock:
            now = time.monotonic()
            self.retry_at = now + self._retry_seconds()
            if self.down_since is not None:
                return
            self.down_since = now
        self.logger.warning(
            self.down_message, type(error).__name__, str(error)[:200], self._retry_seconds()
        )

    def succeeded(self):
        if self.down_since is None:
            return
        with self._lock:
            if self.down_since is None:
                return
            seconds = time.monotonic() - self.down_since
            self.down_since = None
            self.recovered = True
        self.logger.warning(self.up_message, seconds)

    def take_recovered(self):
        """True once after each recovery."""
        if not self.recovered:
            return False
        with self._lock:
            was, self.recovered = self.recovered, False
        return was

    @property
    def down(self):
        return self.down_since is not None

    def reset(self):
        with self._lock:
            self.down_since = None
            self.retry_at = 0.0
            self.recovered = False
