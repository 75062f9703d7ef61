"""The forms that take personal data: the member registry's sign-up, editor-built forms and the
legal Q&A's questions."""

import os
from pathlib import Path

from .env import BASE_DIR, env_bool

# --- Member registry (owned by campaigns/registry/) -------------------------------------------
REGISTRY_RETENTION_DAYS = int(os.environ.get("REGISTRY_RETENTION_DAYS", "730"))
# Who receives new entries: a dotted path to a forwarder class (campaigns/registry/forwarders.py).
REGISTRY_FORWARDER = os.environ.get(
    "REGISTRY_FORWARDER", "campaigns.registry.forwarders.EmailForwarder"
)
# Where the default forwarder sends entries of a province without its own address.
REGISTRY_DEFAULT_FORWARD_EMAIL = os.environ.get("REGISTRY_DEFAULT_FORWARD_EMAIL", "")
# Enqueue the hand-off when the sign-up commits (True), or leave it to the periodic sweep.
REGISTRY_FORWARD_ON_COMMIT = env_bool("REGISTRY_FORWARD_ON_COMMIT", True)
# Export files: a private folder (never under MEDIA_ROOT, no URL), files deleted after N days.
REGISTRY_EXPORT_ROOT = Path(
    os.environ.get("REGISTRY_EXPORT_ROOT", BASE_DIR / "private" / "exports")
)
REGISTRY_EXPORT_RETENTION_DAYS = int(os.environ.get("REGISTRY_EXPORT_RETENTION_DAYS", "7"))
# A failed hand-off is retried after this many seconds, doubled each time, at most N attempts.
REGISTRY_FORWARD_RETRY_DELAY = int(os.environ.get("REGISTRY_FORWARD_RETRY_DELAY", "60"))
REGISTRY_FORWARD_MAX_ATTEMPTS = int(os.environ.get("REGISTRY_FORWARD_MAX_ATTEMPTS", "8"))
# Sign-up POSTs per client address per window (0 turns the limit off). High on purpose: a
# workplace chat group sends hundreds of people through one carrier-NAT address in minutes.
REGISTRY_RATE_LIMIT = int(os.environ.get("REGISTRY_RATE_LIMIT", "300"))
REGISTRY_RATE_WINDOW = int(os.environ.get("REGISTRY_RATE_WINDOW", "600"))
# Accepted submissions per phone number per window (0: off): one number cannot be replayed.
REGISTRY_PHONE_RATE_LIMIT = int(os.environ.get("REGISTRY_PHONE_RATE_LIMIT", "5"))
REGISTRY_PHONE_RATE_WINDOW = int(os.environ.get("REGISTRY_PHONE_RATE_WINDOW", "86400"))
# The registry list counts exactly up to this many rows, and shows PostgreSQL's estimate above.
REGISTRY_EXACT_COUNT_LIMIT = int(os.environ.get("REGISTRY_EXACT_COUNT_LIMIT", "10000"))
# The request header that holds the client IP behind our own proxy (e.g. HTTP_X_REAL_IP);
# empty: REMOTE_ADDR.
REGISTRY_CLIENT_IP_HEADER = os.environ.get("REGISTRY_CLIENT_IP_HEADER", "")

# --- Editor-built forms (owned by webforms/; see docs/pages.md) ------------------------------
# Default days a new form keeps its submissions (each form may set its own); then
# `manage.py purge_form_submissions` (daily) erases them.
WEBFORMS_RETENTION_DAYS = int(os.environ.get("WEBFORMS_RETENTION_DAYS", "365"))
# Submissions per client address per window, over all forms (0: no limit, e.g. a load test).
WEBFORMS_RATE_LIMIT = int(os.environ.get("WEBFORMS_RATE_LIMIT", "20"))
WEBFORMS_RATE_WINDOW = int(os.environ.get("WEBFORMS_RATE_WINDOW", "600"))
# Spam control without a captcha: a form sent sooner than this after it was shown, or older
# than WEBFORMS_MAX_AGE seconds, is shown again with a message.
WEBFORMS_MIN_FILL_SECONDS = int(os.environ.get("WEBFORMS_MIN_FILL_SECONDS", "2"))
WEBFORMS_MAX_AGE = int(os.environ.get("WEBFORMS_MAX_AGE", str(24 * 60 * 60)))

# --- Legal Q&A (owned by legal/; see docs/pages.md) ------------------------------------------
# Days the asker's name, contact and question are kept; then `manage.py purge_legal_questions`
# (daily, the task legal.tasks.purge_legal_questions) erases them. Published Q&A holds none.
LEGAL_QUESTION_RETENTION_DAYS = int(os.environ.get("LEGAL_QUESTION_RETENTION_DAYS", "365"))

# Public progress figures (home page, campaign goal blocks) appear only from this many sign-ups:
# below it readers see the target alone, never "0 / 1.000.000 (0,0%)". At least 1.
PUBLIC_PROGRESS_MIN = max(int(os.environ.get("PUBLIC_PROGRESS_MIN", "100")), 1)
