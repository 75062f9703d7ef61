"""`/healthz` for load balancers and monitoring: is this process able to serve pages?

* database: one `SELECT 1` on the default connection;
* cache: one write and one read of a key of its own (a cache that is down degrades the site but
  does not stop it: portal/cache.py).

200 when the database answers (`"status": "ok"`, or `"degraded"` while the cache is unreachable);
503 when it does not. The answer holds no personal data, no versions and no error text (those go
to the log), is never cached (`Cache-Control: no-store`), and HEAD works like GET.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

CACHE_KEY = "healthz:probe"


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database does not answer")
        return False


def _cache():
    value = secrets.token_hex(4)
    try:
        cache.set(CACHE_KEY, value, 30)
        return cache.get(CACHE_KEY) == value
    except Exception:
        logger.exception("Health check: the cache does not answer")
        return False


@never_cache
@require_safe
def healthz(request):
    database = _database()
    cache_ok = _cache()
    if not database:
        status, code = "down", 503
    elif not cache_ok:
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse(
        {
            "status": status,
            "database": "ok" if database else "unavailable",
            "cache": "ok" if cache_ok else "unavailable",
        },
        status=code,
    )
