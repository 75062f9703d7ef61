"""Abuse control shared by every process: rate limits and single-use form tokens.

Rate limits (fixed windows that open with the first event)::

    from portal import limits

    if limits.hit("signup-ip", client_address, window=600) > 300:
        ...  # refuse
    limits.count("login-user", ident)   # without counting
    limits.reset("login-user", ident)

The identity (an address, a phone number, a username) is never stored: keys are HMAC-SHA256 hashes
with the secret key. Counts live in Redis when `REDIS_URL` (or `LIMITS_REDIS_URL`) is set, in the
database otherwise, and in the database while Redis does not answer (`store.py`); never in one
process's memory, so N gunicorn workers do not multiply a limit by N.

Single-use form tokens (a signed nonce and issue time, put in a hidden field)::

    token = limits.issue_token("signup")                      # when the form is shown
    info = limits.check_token(value, "signup", max_age=86400, min_age=2)   # raises TokenError
    with transaction.atomic():
        use = limits.use_token(info, limits.fingerprint(*what_was_sent))
        if use is limits.TokenUse.FIRST:
            ...  # store what was sent, in the same transaction

`use_token` records the nonce in the database inside the caller's transaction: if storing fails
and rolls back, the token is not spent and the person's retry goes through; two requests with the
same token never both store. A replay is told apart: SAME content as the first use (a double click,
a bot replaying a captured POST) or OTHER content (someone went back and changed the form).
"""

import enum
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import connection

from .store import get_store

__all__ = [
    "Token",
    "TokenError",
    "TokenUse",
    "check_token",
    "client_ip",
    "count",
    "fingerprint",
    "hit",
    "issue_token",
    "reset",
    "use_token",
]


def _digest(*parts):
    message = "\x1f".join(str(part) for part in parts).encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _key(scope, identity):
    return f"{scope}:{_digest('limits', scope, identity)[:40]}"


def hit(scope, identity, *, window):
    """Count one event of `identity` in `scope`; returns the number of events in the current
    window, this one included. The window opens with the first event and lasts `window`
    seconds."""
    return get_store().hit(_key(scope, identity), int(window))


def count(scope, identity):
    """The number of events in the current window, without counting one."""
    return get_store().count(_key(scope, identity))


def reset(scope, identity):
    get_store().reset(_key(scope, identity))


def client_ip(request, header_setting):
    """The address a limit counts: the header named by the setting `header_setting` when the
    site sits behind a proxy that sets it (the left-most address of X-Forwarded-For is the client,
    as told by our own proxy; prefer a header the proxy overwrites, such as X-Real-IP, to one the
    client can prefill), else `REMOTE_ADDR`."""
    header = getattr(settings, header_setting, "")
    value = request.META.get(header, "") if header else ""
    if value:
        return value.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


# --- single-use form tokens --------------------------------------------------------------------
class TokenError(ValueError):
    """`code`: "bad" (tampered, unreadable or another form's), "expired", "too_fast"."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


class TokenUse(enum.Enum):
    FIRST = "first"
    SAME = "same"  # used before, with the same content
    OTHER = "other"  # used before, with other content


@dataclass(frozen=True)
class Token:
    nonce: str
    issued: float
    expires: float


def _salt(purpose):
    return f"portal.limits.token.{purpose}"


def issue_token(purpose, issued=None):
    """A signed token (URL-safe text) for one showing of a form (`issued`: a Unix time, for
    tests; now by default)."""
    payload = {"n": secrets.token_urlsafe(12), "t": round(issued or time.time(), 3)}
    return signing.dumps(payload, salt=_salt(purpose))


def check_token(value, purpose, *, max_age, min_age=0):
    """Verify a token from a submitted form: signature, age (`min_age` ≤ age ≤ `max_age`
    seconds). Returns a Token; raises TokenError. Does not use it up (see `use_token`)."""
    try:
        payload = signing.loads(value or "", salt=_salt(purpose), max_age=max_age)
    except signing.SignatureExpired:
        raise TokenError("expired") from None
    except signing.BadSignature:
        raise TokenError("bad") from None
    if not isinstance(payload, dict):
        raise TokenError("bad")
    try:
        nonce = str(payload["n"])
        issued = float(payload["t"])
    except (KeyError, TypeError, ValueError):
        raise TokenError("bad") from None
    age = time.time() - issued
    if age > max_age:
        raise TokenError("expired")
    if min_age and age < min_age:
        raise TokenError("too_fast")
    return Token(nonce=nonce, issued=issued, expires=issued + max_age)


def fingerprint(*values):
    """A keyed hash of what a form sent (to compare a replay with the first use)."""
    return _digest("fingerprint", *values)[:64]


def use_token(token, fingerprint=""):
    """Spend the token: FIRST the first time, SAME or OTHER after. Call it inside the
    transaction that stores what the form sent.

    One `INSERT … ON CONFLICT DO NOTHING` (no savepoint; PostgreSQL and SQLite ≥ 3.35): a
    concurrent use of the same token waits for the other transaction, then finds its row (or
    inserts, if that one rolled back). The stored fingerprint is read only for a used token."""
    from .models import UsedToken

    table = connection.ops.quote_name(UsedToken._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            # The table name is the model's; every value is a parameter.
            f'INSERT INTO {table} ("nonce", "expires", "fingerprint") '  # noqa: S608
            'VALUES (%s, %s, %s) ON CONFLICT ("nonce") DO NOTHING RETURNING "nonce"',
            [token.nonce, token.expires, fingerprint],
        )
        if cursor.fetchone() is not None:
            return TokenUse.FIRST
        cursor.execute(
            f'SELECT "fingerprint" FROM {table} WHERE "nonce" = %s',  # noqa: S608
            [token.nonce],
        )
        row = cursor.fetchone()
    stored = row[0] if row else None
    return TokenUse.SAME if fingerprint and stored == fingerprint else TokenUse.OTHER
