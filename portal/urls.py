import re

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from home import views as home_views
from portal import health, media
from portal.pagecache import routes

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("tai-lieu/", include(wagtaildocs_urls)),
    path("tim-kiem/", include("search.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon),
    path("healthz", health.healthz, name="healthz"),
]


def media_urlpatterns():
    """Uploaded media from Django itself: development, or a small site without a web server or
    object storage in front (SERVE_MEDIA=true). Documents never come through here (the view
    answers 404 under documents/): Wagtail's document view serves them, checking private
    collections, always as attachments."""
    return [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.strip('/'))}/(?P<path>.*)$",
            media.serve_media,
        )
    ]


if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns += media_urlpatterns()

urlpatterns += [
    # Wagtail's serve view, routed from remembered pages (portal/pagecache/routes.py); Wagtail's
    # own URLs stay for its `_util/` views, for reverse("wagtail_serve") and as the fallback.
    re_path(serve_pattern.replace("^", r"^(?!_util/)", 1), routes.serve, name="page_serve"),
    path("", include(wagtail_urls)),
]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
