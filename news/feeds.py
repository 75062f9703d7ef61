"""RSS 2.0 and Atom feeds of the news index (and of one category), built on Django's syndication
framework and called from the index page's routes. Dates are given in Vietnam's time zone, links
are absolute, the lead is the summary and the byline the author."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_SIZE = 20
RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def __init__(self, index_page, category=None):
        super().__init__()
        self.index_page = index_page
        self.category = category
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=300)
        return response

    def _route(self, name):
        kwargs = {"slug": self.category.slug} if self.category is not None else {}
        return self.index_page.full_route_url(self.request, name, **kwargs)

    def title(self):
        parts = [self.index_page.title]
        if self.category is not None:
            parts.append(self.category.name)
        parts.append(settings.WAGTAIL_SITE_NAME)
        return " – ".join(parts)

    def link(self):
        if self.category is None:
            return self.index_page.get_full_url(self.request)
        return self._route("category_route")

    def feed_url(self):
        kind = "atom_feed" if self.feed_type is Atom1Feed else "rss_feed"
        return self._route(kind if self.category is None else f"category_{kind}")

    def description(self):
        if self.category is not None and self.category.description:
            return self.category.description
        return _("Tin mới nhất của %(site)s.") % {"site": settings.WAGTAIL_SITE_NAME}

    subtitle = description

    def feed_copyright(self):
        return settings.WAGTAIL_SITE_NAME

    def items(self):
        articles = self.index_page.articles().select_related("category").prefetch_related("tags")
        if self.category is not None:
            articles = articles.filter(category=self.category)
        return list(articles[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.localtime(item.display_date) if item.display_date else None

    def item_updateddate(self, item):
        updated = item.last_published_at or item.display_date
        return timezone.localtime(updated) if updated else None

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        names = [item.category.name] if item.category_id else []
        return names + [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
