"""The production server's access lines (portal/access_log.py) are exactly gunicorn's: same
client, user, request line, status, size, referer and user agent, escaped the same way."""

import datetime
import logging

import pytest
from gunicorn import glogging
from gunicorn.config import Config

from portal.access_log import Logger

pytestmark = pytest.mark.db_independent


class Response:
    status = "200 OK"
    sent = 27585
    headers = [("Content-Type", "text/html; charset=utf-8"), ("X-Page-Cache", "bypass")]


class Request:
    headers = [("HOST", "127.0.0.1:8000"), ("USER-AGENT", 'Mozilla "quoted"')]


ENVIRON = {
    "REMOTE_ADDR": "203.0.113.9",
    "HTTP_AUTHORIZATION": "Basic Ym9iOnB3",  # bob:pw
    "REQUEST_METHOD": "GET",
    "RAW_URI": "/tim-kiem/?q=c%C3%B4ng",
    "SERVER_PROTOCOL": "HTTP/1.1",
    "PATH_INFO": "/tim-kiem/",
    "QUERY_STRING": "q=c%C3%B4ng",
    "HTTP_REFERER": "https://example.vn/",
    "HTTP_USER_AGENT": 'Mozilla "quoted"',
    "HTTP_HOST": "127.0.0.1:8000",
    "wsgi.url_scheme": "http",
}


def line(logger_class, access_log_format=None):
    config = Config()
    if access_log_format:
        config.set("access_log_format", access_log_format)
    logger = logger_class(config)
    logger.now = lambda: "[04/Dec/2026:16:26:06 +0700]"
    atoms = logger.atoms_wrapper_class(
        logger.atoms(Response(), Request(), ENVIRON, datetime.timedelta(microseconds=3250))
    )
    return logging.LogRecord(
        "access", logging.INFO, "", 0, config.access_log_format, (atoms,), None
    )


def test_the_default_access_line_is_gunicorns():
    ours = line(Logger).getMessage()
    assert ours == line(glogging.Logger).getMessage()
    assert ours == (
        '203.0.113.9 - bob [04/Dec/2026:16:26:06 +0700] "GET /tim-kiem/?q=c%C3%B4ng HTTP/1.1" '
        '200 27585 "https://example.vn/" "Mozilla \\"quoted\\""'
    )


@pytest.mark.parametrize(
    "access_log_format",
    [
        '%(h)s %(t)s "%(r)s" %(s)s %(B)s %(D)s %(L)s %(m)s %(U)s %(q)s %(H)s',
        '%(h)s "%(r)s" %({x-page-cache}o)s %({host}i)s %({wsgi.url_scheme}e)s %({missing}i)s',
    ],
)
def test_other_formats_write_what_gunicorn_writes(access_log_format):
    ours = line(Logger, access_log_format).getMessage()
    assert ours == line(glogging.Logger, access_log_format).getMessage()
    assert ours.startswith("203.0.113.9 ")
    if "{" in access_log_format:  # headers and environ variables, as gunicorn copies them
        assert ours.endswith(" bypass 127.0.0.1:8000 http -")
