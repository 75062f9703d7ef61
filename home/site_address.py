"""The default Wagtail Site's address (hostname and port): every absolute link (canonical,
sitemap, feeds, sharing, structured data) is built from it. In development `make run HOST=…
PORT=…` passes the served address to `load_demo_content`; in production `SITE_URL` is the
public address and `manage.py set_site_address` (run after `migrate` on deploy) applies it."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def parse(url):
    """(hostname, port) from "https://congdoan.example.vn" or "http://127.0.0.1:8000"."""
    parts = urlsplit(url if "//" in url else f"http://{url}")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(
            f"Not a site address: {url!r} (e.g. https://congdoan.example.vn)"
        )
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname, port


def apply(hostname, port):
    """Point the default Site at hostname:port. Idempotent; returns True if something changed."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, int(port)):
        return False
    site.hostname, site.port = hostname, int(port)
    site.save(update_fields=["hostname", "port"])
    Site.clear_site_root_paths_cache()
    return True
