"""Uploaded media served by Django itself (DEBUG, or SERVE_MEDIA on a small site with nothing in
front): images and other uploads, never documents. Documents live under `documents/` in
MEDIA_ROOT and are only ever served by Wagtail's document view (`/tai-lieu/<id>/<file>`), which
checks the collection's privacy and the visitor's permissions; a plain file route would skip both.
deploy/nginx/portal.conf refuses the same folder."""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

PRIVATE_PREFIXES = ("documents",)


def serve_media(request, path):
    # Normalise first: `documents/../documents/x`, `./documents/x`, `//documents/x` and
    # `Documents/x` on a case-insensitive disk all name the same file.
    normalised = posixpath.normpath(path.replace("\\", "/")).lstrip("/").casefold()
    first = normalised.split("/", 1)[0]
    if first in PRIVATE_PREFIXES or normalised.startswith(".."):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
