import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# Which cache this server purges, for the jobs' check (portal/cache_identity.py).
from portal import cache_identity  # noqa: E402

cache_identity.record()
