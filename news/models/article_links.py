"""What an article page shows besides its own fields, as plain values: the URLs of its tags,
category and feeds, its share URL, its social image and its schema.org NewsArticle (absolute
URLs on its site)."""

from django.conf import settings
from django.utils import timezone
from wagtail.images.shortcuts import get_rendition_or_not_found

from home.models import SiteBranding

from .cards import SOCIAL_IMAGE_SPEC

__all__ = ["ArticleLinksMixin"]


class ArticleLinksMixin:
    """Links, social image and structured data of `NewsArticlePage`."""

    def site_root(self, request):
        """The root URL of this page's site (as `fullpageurl` uses), e.g. https://congdoan.vn."""
        full, path = self.get_full_url(request), self.get_url(request)
        return full[: len(full) - len(path)] if path and full.endswith(path) else ""

    def absolute(self, request, url):
        if not url or url.startswith(("http://", "https://", "//")):
            return url
        return self.site_root(request) + url

    def social_image(self):
        if self.hero_image_id:
            return get_rendition_or_not_found(self.hero_image, SOCIAL_IMAGE_SPEC)
        return None

    def structured_data(self, request, branding=None, social_image=None):
        """schema.org NewsArticle (Google's recommended properties: headline, image, dates,
        author with name and URL, publisher), with absolute URLs."""
        from portal import structured_data as sd

        url = self.get_full_url(request)
        published = self.display_date or timezone.now()
        modified = self.last_published_at or published
        root_url = sd.absolute(request, "/")
        publisher = sd.organization(branding, request, root_url, with_id=False)
        if branding is None or not publisher.get("name"):
            publisher["name"] = settings.WAGTAIL_SITE_NAME
        if self.byline:
            author = {"@type": "Person", "name": self.byline}
        else:
            author = {"@type": "Organization", "name": publisher["name"], "url": root_url}
        image = None
        if social_image is not None:
            image = self.absolute(request, social_image.url)
        elif publisher.get("logo"):
            image = publisher["logo"]["url"]
        return sd.node(
            "NewsArticle",
            mainEntityOfPage={"@type": "WebPage", "@id": url},
            url=url,
            headline=self.title[:110],
            description=self.lead,
            image=[image] if image else None,
            datePublished=timezone.localtime(published).isoformat(),
            dateModified=timezone.localtime(max(modified, published)).isoformat(),
            inLanguage="vi",
            author=[author],
            publisher=publisher,
            articleSection=self.category.name if self.category_id else None,
            keywords=[tag.name for tag in self.tag_list] or None,
        )

    def page_links(self, request):
        """What the article template shows besides the page's own fields, as plain values: the
        URLs of its tags, category and feeds, its share URL, its social image and its structured
        data (absolute URLs on its site)."""
        index_page = self.news_index
        links = {"share_url": self.get_full_url(request), "tag_urls": []}
        # The parent is always a news index (parent_page_types); checked by label so that this
        # module does not import the index page's, which imports this one.
        if index_page._meta.label == "news.NewsIndexPage":
            links["tag_urls"] = [
                index_page.route_url(request, "tag_route", slug=tag.slug) for tag in self.tag_list
            ]
            # Plain strings: a lazy translation is slow to unpickle.
            links["feed_links"] = [
                (str(label), href, kind) for label, href, kind in index_page.feed_links(request)
            ]
            if self.category_id:
                links["category_url"] = index_page.route_url(
                    request, "category_route", slug=self.category.slug
                )
        social_image = self.social_image()
        if social_image is not None:
            links["social_image"] = {
                "url": social_image.url,
                "width": social_image.width,
                "height": social_image.height,
            }
            links["social_image_url"] = self.absolute(request, social_image.url)
        branding = SiteBranding.for_request(request)
        # portal/structured_data.py writes it out (with the breadcrumb trail) in base.html.
        links["structured_data"] = [self.structured_data(request, branding, social_image)]
        return links
