"""The news index, /tin-tuc/: a routable page listing every article newest first, with category,
tag and month archives and RSS/Atom feeds (built in `news.feeds`)."""

from datetime import datetime

from django.core.paginator import EmptyPage, PageNotAnInteger
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page, Site

from home.models import SiteBranding
from home.page_parts import rich_intro
from news.feeds import ATOM_TYPE, RSS_TYPE, NewsAtomFeed, NewsRssFeed
from news.listing import newest_months
from portal.pagecache.memo import CountRememberingPaginator, remember
from search.index import IntroSearchMixin, IntroSnippetMixin
from search.text import nfc

from .article import NewsArticlePage, public_articles
from .cards import CARD_ROW, listing_cards
from .categories import NewsArticleTag, NewsCategory

__all__ = ["NewsIndexPage"]


class NewsIndexPage(IntroSearchMixin, IntroSnippetMixin, RoutablePageMixin, Page):
    """/tin-tuc/: every article newest first, with category, tag and month archives and feeds."""

    intro = rich_intro(_("Một đoạn ngắn ở đầu trang tin tức (tùy chọn)."))
    page_size = models.PositiveSmallIntegerField(
        _("Số bài mỗi trang"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Số bài viết trên một trang danh sách (1–60)."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("page_size")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]

    class Meta:
        verbose_name = verbose_name_plural = _("Trang tin tức")

    snippet_words = None  # the whole introduction

    # --- queries ----------------------------------------------------------------------------

    def articles(self):
        return public_articles(self)

    def categories(self):
        """Categories that have a public article here, remembered until the next purge. An
        EXISTS per category stops at its first public article (an `IN (subquery)` read every
        article's category: 69 ms → 21 ms at 10,000 articles on SQLite)."""
        return remember(
            "news-categories",
            self.pk,
            compute=lambda: list(
                NewsCategory.objects.filter(
                    Exists(self.articles().filter(category=OuterRef("pk")))
                ).order_by("name")
            ),
        )

    def archive_months(self, limit=24):
        """The newest months that have articles (first days, in Vietnam's time zone), for the
        archive list: the `published_month` each article keeps on save, read by a loose index
        scan (news.listing.newest_months: one probe per month), remembered until the next purge
        (an article published, unpublished, moved or deleted)."""
        return remember(
            "news-archive-months",
            self.pk,
            limit,
            compute=lambda: newest_months(self.pk, limit),
        )

    def archive_links(self, request):
        """The archive list's months as plain values (URL, "YYYY-MM", label), so the template
        does not format and reverse each month: {% routablepageurl %}'s URL, the same label."""
        base_url = self.relative_url(Site.find_for_request(request), request)
        if not base_url.endswith("/"):
            base_url += "/"
        links = []
        for month in self.archive_months():
            year, number = f"{month.year:04d}", f"{month.month:02d}"
            route = self.reverse_subpage("month_route", kwargs={"year": year, "month": number})
            label = _("Tháng %(m)s/%(y)s") % {"m": number, "y": year}
            links.append({"url": base_url + route, "key": f"{year}-{number}", "label": label})
        return links

    def paginate(self, request, queryset, counted=None):
        # Only each article's id and stored card (listing_cards): a stale card's article, image
        # and renditions are read when it is built again.
        paginator = CountRememberingPaginator(
            queryset.values_list(*CARD_ROW),
            self.page_size or 12,
            counted=queryset if counted is None else counted,
        )
        number = request.GET.get("page", "1")
        try:
            return paginator.page(number)
        except (EmptyPage, PageNotAnInteger) as exc:
            raise Http404(_("Không có trang này trong danh sách.")) from exc

    # --- routes ------------------------------------------------------------------------------

    def render_listing(self, request, queryset, *, route_url, heading="", counted=None, **extra):
        articles_page = self.paginate(request, queryset, counted)
        articles_page.object_list = list(articles_page.object_list)
        cards = listing_cards(articles_page.object_list, request, SiteBranding.for_request(request))
        canonical = self.full_url_for(request, route_url)
        if articles_page.number > 1:
            canonical += f"?page={articles_page.number}"
        return self.render(
            request,
            context_overrides={
                "articles": articles_page,
                "cards": cards,
                "paginator": articles_page.paginator,
                "listing_heading": heading,
                "listing_url": route_url,
                "canonical_url": canonical,
                **extra,
            },
        )

    def route_url(self, request, name, **kwargs):
        return self.get_url(request) + self.reverse_subpage(name, kwargs=kwargs or None)

    def full_url_for(self, request, url):
        """An absolute URL on this page's site (its configured root URL, as `fullpageurl` gives
        for pages), for canonical links, feeds and share links."""
        if url.startswith(("http://", "https://")):
            return url
        page_url = self.get_url(request)
        full = self.get_full_url(request)
        return full[: len(full) - len(page_url)] + url if full.endswith(page_url) else full

    def full_route_url(self, request, name, **kwargs):
        return self.full_url_for(request, self.route_url(request, name, **kwargs))

    def feed_links(self, request):
        return [
            (_("Tin tức (RSS)"), self.full_route_url(request, "rss_feed"), RSS_TYPE),
            (_("Tin tức (Atom)"), self.full_route_url(request, "atom_feed"), ATOM_TYPE),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["all_categories"] = self.categories()
        context["archive_months"] = self.archive_links(request)
        context["feed_links"] = self.feed_links(request)
        return context

    def get_sitemap_urls(self, request=None):
        """The index and every listing a reader can reach from it that has articles: each
        category, each tag and each month of the archive (all canonical and indexable)."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for category in self.categories():
            urls.append(
                {
                    "location": base
                    + self.reverse_subpage("category_route", kwargs={"slug": category.slug})
                }
            )
        tagged = NewsArticleTag.objects.filter(content_object__in=self.articles())
        for slug in (
            Tag.objects.filter(pk__in=tagged.values("tag_id"))
            .order_by("slug")
            .values_list("slug", flat=True)
        ):
            urls.append(
                {"location": base + self.reverse_subpage("tag_route", kwargs={"slug": slug})}
            )
        for month in self.archive_months(limit=None):
            route = self.reverse_subpage(
                "month_route", kwargs={"year": f"{month.year:04d}", "month": f"{month.month:02d}"}
            )
            urls.append({"location": base + route})
        return urls

    @path("")
    def index_route(self, request):
        return self.render_listing(request, self.articles(), route_url=self.get_url(request))

    @path("chuyen-muc/<str:slug>/")
    def category_route(self, request, slug):
        category = get_object_or_404(NewsCategory, slug=nfc(slug))
        rss = self.full_route_url(request, "category_rss_feed", slug=category.slug)
        atom = self.full_route_url(request, "category_atom_feed", slug=category.slug)
        return self.render_listing(
            request,
            self.articles().filter(category=category),
            route_url=self.route_url(request, "category_route", slug=category.slug),
            heading=category.name,
            current_category=category,
            filter_description=category.description,
            category_feed_links=[
                (_("%(name)s (RSS)") % {"name": category.name}, rss, RSS_TYPE),
                (_("%(name)s (Atom)") % {"name": category.name}, atom, ATOM_TYPE),
            ],
        )

    @path("the/<str:slug>/")
    def tag_route(self, request, slug):
        tag = get_object_or_404(Tag, slug=nfc(slug))
        # Newest first from the tag's own copies of `listed_in` and `published_at` (their index
        # read in order, the count within it), not from every article of the tag.
        tagged = NewsArticlePage.objects.filter(
            tagged_items__tag=tag, tagged_items__listed_in=self.pk
        ).order_by("-tagged_items__published_at", "-tagged_items__content_object_id")
        return self.render_listing(
            request,
            tagged,
            counted=NewsArticleTag.objects.filter(tag=tag, listed_in=self.pk),
            route_url=self.route_url(request, "tag_route", slug=tag.slug),
            heading=_("Thẻ: %(name)s") % {"name": tag.name},
            current_tag=tag,
        )

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/$")
    def month_route(self, request, year, month):
        year, month = int(year), int(month)
        if not (1 <= month <= 12 and 1900 <= year <= 2999):
            raise Http404(_("Không có tháng này."))
        tz = timezone.get_current_timezone()
        start = datetime(year, month, 1, tzinfo=tz)
        end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
        return self.render_listing(
            request,
            self.articles().filter(published_at__gte=start, published_at__lt=end),
            route_url=self.route_url(
                request, "month_route", year=f"{year:04d}", month=f"{month:02d}"
            ),
            heading=_("Tin tháng %(month)s/%(year)s") % {"month": f"{month:02d}", "year": year},
            current_month=start,
            current_month_key=f"{year:04d}-{month:02d}",
        )

    @path("rss/")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("atom/")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)

    @path("chuyen-muc/<str:slug>/rss/")
    def category_rss_feed(self, request, slug):
        return NewsRssFeed(self, get_object_or_404(NewsCategory, slug=nfc(slug)))(request)

    @path("chuyen-muc/<str:slug>/atom/")
    def category_atom_feed(self, request, slug):
        return NewsAtomFeed(self, get_object_or_404(NewsCategory, slug=nfc(slug)))(request)
