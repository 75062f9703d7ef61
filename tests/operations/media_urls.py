"""The site's URLs as served with SERVE_MEDIA=true (or DEBUG): the media route first."""

from portal.urls import handler404, handler500, media_urlpatterns
from portal.urls import urlpatterns as site_urls

urlpatterns = media_urlpatterns() + site_urls

__all__ = ["handler404", "handler500", "urlpatterns"]
