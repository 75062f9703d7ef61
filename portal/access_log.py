"""gunicorn's logger (gunicorn.conf.py), writing the same access lines for less.

gunicorn builds every access line from "atoms": the ~20 it documents, then a copy of every
request header (`{name}i`), response header (`{name}o`) and WSGI environ variable (`{name}e`),
each then escaped again by its wrapper. The default format (the production server's, and the
bench's) names none of those copies: building them was ~2% of the server's instructions for an
article rendered from its remembered parts. With a format that names one, gunicorn builds them
all, as before.
"""

from gunicorn import glogging

# Everything `Logger.atoms()` reads of the environ besides its copy of it.
_ATOM_ENVIRON = (
    "REMOTE_ADDR",
    "HTTP_AUTHORIZATION",
    "REQUEST_METHOD",
    "RAW_URI",
    "SERVER_PROTOCOL",
    "PATH_INFO",
    "QUERY_STRING",
    "HTTP_REFERER",
    "HTTP_USER_AGENT",
)


class _Sent:
    """What `atoms()` reads of a response, without its headers."""

    __slots__ = ("headers", "sent", "status")

    def __init__(self, response):
        self.status = response.status
        self.sent = getattr(response, "sent", None)
        self.headers = ()


class Logger(glogging.Logger):
    def atoms(self, resp, req, environ, request_time):
        if "%({" in self.cfg.access_log_format:
            return super().atoms(resp, req, environ, request_time)
        named = {name: environ[name] for name in _ATOM_ENVIRON if name in environ}
        return super().atoms(_Sent(resp), (), named, request_time)
