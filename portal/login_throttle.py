"""A small throttle against password guessing on the Wagtail admin login.

Every failed login (Django's `user_login_failed` signal) counts against two buckets kept in the
shared limits store (`portal.limits`: Redis, or the database; never one process's memory, so the
limit is the same with any number of gunicorn workers) for LOGIN_THROTTLE_WINDOW seconds from the
first failure:

* the client address + the username tried (LOGIN_THROTTLE_MAX_FAILURES, default 5): someone
  guessing one account's password;
* the client address alone (LOGIN_THROTTLE_MAX_FAILURES_PER_IP, default 30): someone trying a
  common password against many accounts.

While a bucket is full, `LoginThrottleMiddleware` answers every login POST from that address (and
username) with HTTP 429 and a Vietnamese message, before the password is even checked, so a right
guess is not confirmed either. The message says nothing about whether the account exists. A
successful login clears the address + username bucket.

Keys are HMAC-SHA256 hashes (with the secret key) of the address and the folded username: no
personal data in the store. Behind a reverse proxy, set LOGIN_THROTTLE_CLIENT_IP_HEADER (e.g.
`HTTP_X_REAL_IP`) to the header the proxy sets, or every visitor shares the proxy's address.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from portal import limits

USER_SCOPE = "login-user"
IP_SCOPE = "login-ip"


def _setting(name, default):
    return getattr(settings, name, default)


def _identities(request, username):
    ip = limits.client_ip(request, "LOGIN_THROTTLE_CLIENT_IP_HEADER")
    user = (username or "").strip().casefold()
    return f"{ip}\x1f{user}", ip


def _limits():
    return (
        int(_setting("LOGIN_THROTTLE_MAX_FAILURES", 5)),
        int(_setting("LOGIN_THROTTLE_MAX_FAILURES_PER_IP", 30)),
    )


def _window():
    return int(_setting("LOGIN_THROTTLE_WINDOW", 15 * 60))


def is_throttled(request, username):
    user_ident, ip = _identities(request, username)
    per_user, per_ip = _limits()
    return limits.count(USER_SCOPE, user_ident) >= per_user or limits.count(IP_SCOPE, ip) >= per_ip


def record_failure(request, username):
    user_ident, ip = _identities(request, username)
    limits.hit(USER_SCOPE, user_ident, window=_window())
    limits.hit(IP_SCOPE, ip, window=_window())


@receiver(user_login_failed, dispatch_uid="portal.login_throttle.failed")
def _on_login_failed(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    username = credentials.get("username") or ""
    record_failure(request, username)


@receiver(user_logged_in, dispatch_uid="portal.login_throttle.succeeded")
def _on_login_succeeded(sender, request, user, **kwargs):
    if request is None:
        return
    user_ident, _ip = _identities(request, user.get_username())
    limits.reset(USER_SCOPE, user_ident)


def _login_paths():
    paths = set()
    for name in ("wagtailadmin_login",):
        try:
            paths.add(reverse(name))
        except NoReverseMatch:
            pass
    return paths


class LoginThrottleMiddleware:
    """Refuses login POSTs while the address (+ username) has too many recent failures."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._paths = None

    def __call__(self, request):
        if request.method == "POST":
            if self._paths is None:
                self._paths = _login_paths()
            if request.path in self._paths and is_throttled(
                request, request.POST.get("username", "")
            ):
                return self.refuse(request)
        return self.get_response(request)

    def refuse(self, request):
        minutes = max(1, _window() // 60)
        response = render(
            request,
            "portal/login_throttled.html",
            {"minutes": minutes, "login_url": request.path},
            status=429,
        )
        response["Retry-After"] = str(_window())
        response["Cache-Control"] = "no-store"
        return response
