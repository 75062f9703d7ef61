"""News: the news index (a routable page with category, tag and month archives and feeds), the
article page, categories (a snippet) and tags (django-taggit through a ClusterTaggableManager).

Every public list goes through `public_articles()`: `.live().public()` keeps drafts, pages under a
view restriction and articles scheduled for a future go-live time out of the index, the feeds,
the home page and the related-article lists.
"""

import json
import re
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from home.blocks import body_blocks
from portal.pagecache.memo import CountRememberingPaginator, remember
from search.index import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from search.text import nfc, plain_text

# Renditions the card (`news/includes/article_card.html`) and the article's hero use. Listings
# prefetch exactly these, so an image costs no query of its own.
CARD_IMAGE_SPEC = "format-{avif,webp,jpeg} width-{400,800}"
HERO_IMAGE_SPEC = "format-{avif,webp,jpeg} width-{480,800,1200}"
SOCIAL_IMAGE_SPEC = "fill-1200x675|format-jpeg"
LOGO_SPEC = "fill-256x256|format-png"
FEED_SIZE = 20
RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
RELATED_SIZE = 4
# Article slugs the index's own routes would shadow (a four-digit year is refused too).
RESERVED_SLUGS = {"rss", "atom", "chuyen-muc", "the"}


def json_ld(data):
    """JSON for a `<script type="application/ld+json">`, escaped like Django's json_script so that
    text such as `</script>` in a title cannot end the script element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308 - escaped above


_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def expand_spec(spec):
    return Filter().expand_spec(spec)


CARD_RENDITIONS = expand_spec(CARD_IMAGE_SPEC)


def card_queryset(queryset, tags=True):
    """Everything an article card shows, in a fixed number of queries whatever the page size:
    the category and hero image joined in the same query, the image renditions in one more and
    (when the list shows them) the tags in one more."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=CARD_RENDITIONS)
    )
    queryset = queryset.select_related("category", "hero_image").prefetch_related(
        Prefetch("hero_image__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )
    return queryset.prefetch_related("tags") if tags else queryset


def public_articles():
    """Live, public articles, newest first. Scheduled (future go-live) articles are not live."""
    return NewsArticlePage.objects.live().public().order_by("-published_at", "-pk")


class NewsCategory(index.Indexed, models.Model):
    """One category per article; it gets its own listing page and feeds."""

    name = models.CharField(
        _("Tên chuyên mục"),
        max_length=100,
        unique=True,
        help_text=_("Ví dụ: Hoạt động Công đoàn. Hiện trên thẻ bài viết và đầu trang chuyên mục."),
    )
    slug = models.SlugField(
        _("Đường dẫn"),
        max_length=100,
        unique=True,
        help_text=_(
            "Phần cuối địa chỉ trang chuyên mục, viết không dấu, nối bằng gạch ngang: "
            "/tin-tuc/chuyen-muc/hoat-dong-cong-doan/."
        ),
    )
    description = models.TextField(
        _("Mô tả"),
        blank=True,
        help_text=_("Một hai câu giới thiệu chuyên mục; hiện ở đầu trang chuyên mục và trong RSS."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Chuyên mục tin")
        verbose_name_plural = _("Chuyên mục tin")

    def __str__(self):
        return self.name


class NewsArticleTag(TaggedItemBase):
    """Tags of an article. The tag table is taggit's own, shared with the other page types."""

    content_object = ParentalKey(
        "news.NewsArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("Thẻ của bài viết")
        verbose_name_plural = _("Thẻ của bài viết")


class NewsIndexPage(FoldedSearchMixin, RoutablePageMixin, Page):
    """/tin-tuc/: every article newest first, with category, tag and month archives and feeds."""

    intro = RichTextField(
        _("Lời giới thiệu"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Một đoạn ngắn ở đầu trang tin tức (tùy chọn)."),
    )
    page_size = models.PositiveSmallIntegerField(
        _("Số bài mỗi trang"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Số bài viết trên một trang danh sách (1–60)."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("page_size")]
    search_fields = Page.search_fields + [index.SearchField("intro")] + FOLDED_SEARCH_FIELDS
    folded_body_fields = ("intro",)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]

    class Meta:
        verbose_name = _("Trang tin tức")
        verbose_name_plural = _("Trang tin tức")

    def search_snippet_text(self):
        return plain_text(self.intro)

    # --- queries ----------------------------------------------------------------------------

    def articles(self):
        return public_articles().child_of(self)

    def categories(self):
        """Categories that have a public article here, remembered until the next purge (the
        semi-join reads every article's category)."""
        return remember(
            "news-categories",
            self.pk,
            compute=lambda: list(
                NewsCategory.objects.filter(pk__in=self.articles().values("category_id")).order_by(
                    "name"
                )
            ),
        )

    def archive_months(self, limit=24):
        """The newest months that have articles (in Vietnam's time zone), for the archive list.
        Truncating every article's date is the one query here that grows with the archive:
        remembered until the next purge (an article published, unpublished, moved or deleted)."""
        return remember(
            "news-archive-months",
            self.pk,
            limit,
            compute=lambda: list(
                self.articles().datetimes(
                    "published_at", "month", order="DESC", tzinfo=timezone.get_current_timezone()
                )[:limit]
            ),
        )

    def paginate(self, request, queryset):
        paginator = CountRememberingPaginator(card_queryset(queryset), self.page_size or 12)
        number = request.GET.get("page", "1")
        try:
            return paginator.page(number)
        except (EmptyPage, PageNotAnInteger) as exc:
            raise Http404(_("Không có trang này trong danh sách.")) from exc

    # --- routes ------------------------------------------------------------------------------

    def render_listing(self, request, queryset, *, route_url, heading="", **extra):
        articles_page = self.paginate(request, queryset)
        canonical = self.full_url_for(request, route_url)
        if articles_page.number > 1:
            canonical += f"?page={articles_page.number}"
        return self.render(
            request,
            context_overrides={
                "articles": articles_page,
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
        context["archive_months"] = self.archive_months()
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
        return self.render_listing(
            request,
            self.articles().filter(tags=tag),
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
        )

    @path("rss/")
    def rss_feed(self, request):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/")
    def atom_feed(self, request):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)

    @path("chuyen-muc/<str:slug>/rss/")
    def category_rss_feed(self, request, slug):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self, get_object_or_404(NewsCategory, slug=nfc(slug)))(request)

    @path("chuyen-muc/<str:slug>/atom/")
    def category_atom_feed(self, request, slug):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self, get_object_or_404(NewsCategory, slug=nfc(slug)))(request)


class NewsArticlePage(FoldedSearchMixin, Page):
    """One news article. `published_at` is the date readers see, set by the editor; Wagtail's
    own timestamps record when the page was (re)published."""

    published_at = models.DateTimeField(
        _("Ngày giờ đăng"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Hiện trên bài, ví dụ 10:50 21/03/2024. Bỏ trống để lấy thời điểm xuất bản "
            "(hoặc ngày giờ hẹn xuất bản đặt bằng nút “Đặt lịch” trong bảng “Trạng thái” "
            "bên phải)."
        ),
    )
    byline = models.CharField(
        _("Tác giả"),
        max_length=200,
        blank=True,
        help_text=_("Tên người viết hoặc nguồn tin, ví dụ: Kim Thư."),
    )
    lead = models.TextField(
        _("Sapo"),
        max_length=600,
        help_text=_(
            "Đoạn mở đầu in đậm, 1–3 câu. Dùng làm mô tả khi chia sẻ, trong RSS và trên thẻ bài."
        ),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ảnh ngang (tỉ lệ 16:9), rộng tối thiểu 1200 px; hiện đầu bài và trên thẻ."),
    )
    hero_caption = models.CharField(
        _("Chú thích ảnh"),
        max_length=300,
        blank=True,
        help_text=_("Hiện dưới ảnh đại diện, ví dụ: Chủ tịch Tổng Liên đoàn phát biểu."),
    )
    hero_alt = models.CharField(
        _("Mô tả ảnh cho người khiếm thị"),
        max_length=200,
        blank=True,
        help_text=_(
            "Tả nội dung ảnh trong một câu. Bỏ trống để dùng mô tả của ảnh trong thư viện."
        ),
    )
    body = StreamField(
        body_blocks(),
        verbose_name=_("Nội dung"),
        blank=True,
        help_text=_("Thân bài: đoạn văn, tiêu đề mục, ảnh, trích dẫn, video, bảng, văn bản."),
    )
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("Chuyên mục"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("Mỗi bài thuộc một chuyên mục."),
    )
    tags = ClusterTaggableManager(
        through=NewsArticleTag,
        blank=True,
        verbose_name=_("Thẻ"),
        help_text=_(
            "Từ khóa để nối các bài cùng chủ đề, ví dụ: phát triển đoàn viên, Nghị quyết 02. "
            "Gõ rồi nhấn Enter hoặc dấu phẩy."
        ),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("published_at"), FieldPanel("byline"), FieldPanel("category")],
            _("Đăng bài"),
        ),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("hero_alt")],
            _("Ảnh đại diện"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Các bài chọn ở đây hiện trước trong mục “Tin liên quan”; phần còn lại "
                        "tự lấy các bài mới nhất có chung thẻ."
                    )
                ),
                InlinePanel("related_articles", label=_("Bài liên quan")),
            ],
            _("Tin liên quan"),
        ),
    ]

    search_fields = (
        Page.search_fields
        + [
            index.SearchField("lead", boost=2),
            index.SearchField("body"),
            index.SearchField("byline"),
            index.FilterField("published_at"),
            index.FilterField("category"),
            index.RelatedFields("category", [index.SearchField("name")]),
            index.RelatedFields("tags", [index.SearchField("name")]),
        ]
        + FOLDED_SEARCH_FIELDS
    )
    folded_body_fields = ("lead", "body", "byline", "tag_names")

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    # Read once when the page is remembered for routing (portal/pagecache/routes.py).
    remembered_with_route = ("category", "hero_image", "tag_list", "news_index")

    class Meta:
        verbose_name = _("Bài viết")
        verbose_name_plural = _("Bài viết")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS or re.fullmatch(r"\d{4}", self.slug or ""):
            raise ValidationError(
                {
                    "slug": _(
                        "Đường dẫn “%(slug)s” trùng với một mục của trang tin tức (chuyên mục, "
                        "thẻ, lưu trữ theo năm, RSS). Hãy chọn đường dẫn khác."
                    )
                    % {"slug": self.slug}
                }
            )

    def save(self, *args, **kwargs):
        # Fill the displayed date at publication (or at the scheduled go-live time), not when a
        # draft is first saved.
        if self.published_at is None and self.live:
            self.published_at = self.go_live_at or timezone.now()
        super().save(*args, **kwargs)

    @property
    def display_date(self):
        return self.published_at or self.first_published_at or self.go_live_at

    @cached_property
    def tag_list(self):
        """The article's tags, read once per request (the page, its metadata, related lists)."""
        return list(self.tags.all())

    def tag_names(self):
        return " ".join(tag.name for tag in self.tags.all())

    def search_snippet_text(self):
        return plain_text(self.lead)

    @cached_property
    def news_index(self):
        return self.get_parent().specific

    def related_pages(self, limit=RELATED_SIZE):
        """Editor-picked articles first, then the newest articles sharing a tag: public only."""
        picked = [pk for pk in self.related_articles.values_list("article_id", flat=True) if pk]
        picked = [pk for pk in dict.fromkeys(picked) if pk != self.pk]
        tag_ids = [tag.pk for tag in self.tag_list if tag.pk]
        ids = list(picked)
        if len(ids) < limit and tag_ids:
            same_tags = (
                public_articles()
                .filter(
                    pk__in=NewsArticleTag.objects.filter(tag_id__in=tag_ids).values(
                        "content_object_id"
                    )
                )
                .exclude(pk__in=[*ids, self.pk or 0])
                .values_list("pk", flat=True)
            )
            ids += list(same_tags[: limit - len(ids)])
        if not ids:
            return []
        found = {
            article.pk: article for article in card_queryset(public_articles()).filter(pk__in=ids)
        }
        return [found[pk] for pk in ids if pk in found][:limit]

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
        """schema.org NewsArticle for search engines, with absolute URLs."""
        url = self.get_full_url(request)
        published = self.display_date or timezone.now()
        modified = self.last_published_at or published
        publisher = {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME}
        if branding is not None:
            if branding.logo_id:
                logo = get_rendition_or_not_found(branding.logo, LOGO_SPEC)
                publisher["logo"] = {
                    "@type": "ImageObject",
                    "url": self.absolute(request, logo.url),
                    "width": logo.width,
                    "height": logo.height,
                }
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
            "headline": self.title[:110],
            "description": self.lead,
            "datePublished": timezone.localtime(published).isoformat(),
            "dateModified": timezone.localtime(max(modified, published)).isoformat(),
            "inLanguage": "vi",
            "author": (
                [{"@type": "Person", "name": self.byline}]
                if self.byline
                else [{"@type": "Organization", "name": publisher["name"]}]
            ),
            "publisher": publisher,
        }
        if social_image is not None:
            data["image"] = [self.absolute(request, social_image.url)]
        if self.category_id:
            data["articleSection"] = self.category.name
        tags = [tag.name for tag in self.tag_list]
        if tags:
            data["keywords"] = tags
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # A draft: its own title, tags and image, never the published page's.
            links = self.page_links(request)
        else:
            # The same for every reader of this page on this site until the next purge.
            site = Site.find_for_request(request)
            links = remember(
                "article-links",
                self.pk,
                getattr(site, "pk", None),
                translation.get_language(),
                compute=lambda: self.page_links(request),
            )
        context.update(links)
        context["news_index"] = self.news_index
        context["article_tags"] = self.tag_list
        for tag, url in zip(self.tag_list, links["tag_urls"], strict=False):
            tag.news_url = url
        # Read only when the template's "news-related" fragment is not cached for this generation.
        context["related"] = SimpleLazyObject(self.related_pages)
        return context

    def page_links(self, request):
        """What the article template shows besides the page's own fields, as plain values: the
        URLs of its tags, category and feeds, its share URL, its social image and its structured
        data (absolute URLs on its site)."""
        from home.models import SiteBranding

        index_page = self.news_index
        links = {"share_url": self.get_full_url(request), "tag_urls": []}
        if isinstance(index_page, NewsIndexPage):
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
        links["json_ld"] = json_ld(self.structured_data(request, branding, social_image))
        return links

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        for entry in urls:
            entry["lastmod"] = self.last_published_at or self.published_at
        return urls


class NewsArticleRelatedArticle(Orderable):
    """An editor-picked related article, shown before the ones found by shared tags."""

    page = ParentalKey(NewsArticlePage, related_name="related_articles", on_delete=models.CASCADE)
    article = models.ForeignKey(
        NewsArticlePage,
        verbose_name=_("Bài viết"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Chọn một bài viết đã đăng."),
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("Bài liên quan")
        verbose_name_plural = _("Bài liên quan")
