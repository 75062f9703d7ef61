import re

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve as static_serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from home import views as home_views
from portal.pagecache import routes

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("tai-lieu/", include(wagtaildocs_urls)),
    path("tim-kiem/", include("search.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    # Uploaded media from Django itself: development, or a small site without a web server or
    # object storage in front (SERVE_MEDIA=true). Documents never come through here: they are
    # served by Wagtail's document view, always as attachments.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.strip('/'))}/(?P<path>.*)$",
            static_serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [
    # Wagtail's serve view, routed from remembered pages (portal/pagecache/routes.py); Wagtail's
    # own URLs stay for its `_util/` views, for reverse("wagtail_serve") and as the fallback.
    re_path(serve_pattern.replace("^", r"^(?!_util/)", 1), routes.serve, name="page_serve"),
    path("", include(wagtail_urls)),
]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
