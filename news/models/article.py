"""The news article page (`published_at` is the date readers see, set by the editor; Wagtail's own
timestamps record when the page was (re)published), its editor-picked related articles, and
`public_articles()`, the one query every public list of articles starts from."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from home.blocks import body_blocks
from home.models import SiteBranding
from home.page_parts import HeroImageMixin, field_group, hero_panel
from news.listing import listed_in_for
from portal.fields import link, long_text, optional_datetime, optional_text, stream_body
from portal.pagecache import memo
from search.index import FOLDED_SEARCH_FIELDS, FoldedSearchMixin
from search.text import plain_text

from .article_links import ArticleLinksMixin
from .article_parts import article_parts
from .cards import card_queryset
from .categories import NewsArticleTag, NewsCategory

__all__ = [
    "RELATED_SIZE",
    "RESERVED_SLUGS",
    "NewsArticlePage",
    "NewsArticleRelatedArticle",
    "month_of",
    "public_articles",
]

RELATED_SIZE = 4
# Article slugs the index's own routes would shadow (a four-digit year is refused too).
RESERVED_SLUGS = {"rss", "atom", "chuyen-muc", "the"}


def month_of(value):
    """The first day of the month of `value` in the site's time zone (Vietnam), or None."""
    if value is None:
        return None
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return timezone.localtime(value, timezone.get_default_timezone()).date().replace(day=1)


def public_articles(index=None):
    """Live, public articles (of one news index, or of every one), newest first: the articles a
    news index lists (`listed_in`, kept on save, moves and privacy changes: news.listing), read
    through its composite indexes, so a list costs the same at 100 and 100,000 articles.
    Scheduled (future go-live) articles are not live."""
    if index is None:
        articles = NewsArticlePage.objects.filter(listed_in__isnull=False)
    else:
        articles = NewsArticlePage.objects.filter(listed_in=getattr(index, "pk", index))
    return articles.order_by("-published_at", "-pk")


class NewsArticlePage(ArticleLinksMixin, HeroImageMixin, FoldedSearchMixin, Page):
    """One news article. `published_at` is the date readers see, set by the editor; Wagtail's
    own timestamps record when the page was (re)published."""

    published_at = optional_datetime(
        _("Ngày giờ đăng"),
        _(
            "Hiện trên bài, ví dụ 10:50 21/03/2024. Bỏ trống để lấy thời điểm xuất bản "
            "(hoặc ngày giờ hẹn xuất bản đặt bằng nút “Đặt lịch” trong bảng “Trạng thái” "
            "bên phải)."
        ),
        db_index=True,
    )
    # The first day of `published_at`'s month in Vietnam's time zone, kept by save() (and by the
    # bulk generator): the month archive lists distinct values of this indexed column instead of
    # truncating every article's date per request (a Python function per row on SQLite).
    published_month = models.DateField(null=True, blank=True, editable=False, db_index=True)
    # The news index that lists this article (its parent) while it is live and public, else
    # NULL: kept by save() and news.listing; every public list filters on it (public_articles).
    listed_in = models.IntegerField(null=True, blank=True, editable=False)
    byline = optional_text(_("Tác giả"), _("Tên người viết hoặc nguồn tin, ví dụ: Kim Thư."))
    lead = long_text(
        _("Sapo"),
        _("Đoạn mở đầu in đậm, 1–3 câu. Dùng làm mô tả khi chia sẻ, trong RSS và trên thẻ bài."),
        max_length=600,
    )
    hero_caption = optional_text(
        _("Chú thích ảnh"),
        _("Hiện dưới ảnh đại diện, ví dụ: Chủ tịch Tổng Liên đoàn phát biểu."),
        max_length=300,
    )
    body = stream_body(
        body_blocks(), _("Thân bài: đoạn văn, tiêu đề mục, ảnh, trích dẫn, video, bảng, văn bản.")
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
        field_group(_("Đăng bài"), "published_at", "byline", "category"),
        FieldPanel("lead"),
        hero_panel(FieldPanel("hero_caption")),
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
    remembered_with_route = ("category", "hero_image", "news_index")
    # The stored parts (article_parts.py) come with the page: no query of their own.
    routed_select_related = ("category", "hero_image", "stored_parts")
    # ...but not remembered with the route: its parts are remembered on their own
    # ("article-parts", get_context), and every uncached render would unpickle a second copy.
    not_remembered_with_route = ("stored_parts",)
    # Narrow page cache purges: news/purges.py says which pages show an article.
    page_cache_precise = True

    class Meta:
        verbose_name = verbose_name_plural = _("Bài viết")
        # A list's page of cards, its count, its categories and its months read these in order
        # and stop (newest first; ties by id, as public_articles orders).
        indexes = [
            models.Index(fields=["listed_in", "published_at", "page_ptr"], name="news_listed"),
            models.Index(fields=["listed_in", "published_month"], name="news_listed_month"),
            models.Index(
                fields=["category", "listed_in", "published_at", "page_ptr"],
                name="news_listed_category",
            ),
        ]

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
        self.published_month = month_of(self.published_at)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "published_at" in update_fields:
            kwargs["update_fields"] = update_fields = {*update_fields, "published_month"}
        # Publish, unpublish, expiry: whether (and where) the article is listed (news.listing).
        if update_fields is None or {"live", "path"} & set(update_fields):
            self.listed_in = listed_in_for(self)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "listed_in"}
        super().save(*args, **kwargs)
        written = kwargs.get("update_fields")
        if written is None or {"listed_in", "published_at"} & set(written):
            # The tags' copies (NewsArticleTag), for the tag lists' index.
            NewsArticleTag.objects.filter(content_object_id=self.pk).update(
                listed_in=self.listed_in, published_at=self.published_at
            )

    @property
    def display_date(self):
        return self.published_at or self.first_published_at or self.go_live_at

    @cached_property
    def tag_list(self):
        """The article's tags, read once per request (the page, its metadata, related lists)."""
        return list(self.tags.all())

    def tag_names(self):
        return " ".join(tag.name for tag in self.tags.all())

    search_snippet_fields = ("lead",)  # what search_snippet_text reads (search.hits)

    def search_snippet_text(self):
        return plain_text(self.lead)

    @cached_property
    def news_index(self):
        """The parent news index: without a query when routing passed it (portal/routing.py)."""
        ancestors = getattr(self, "routed_ancestors", None)
        if ancestors and ancestors[-1].depth == self.depth - 1:
            return ancestors[-1].specific_deferred
        return self.get_parent().specific

    def related_pages(self, limit=RELATED_SIZE):
        """Editor-picked articles first, then the newest articles sharing a tag: public only."""
        picked = [pk for pk in self.related_articles.values_list("article_id", flat=True) if pk]
        picked = [pk for pk in dict.fromkeys(picked) if pk != self.pk]
        tag_ids = [tag.pk for tag in self.tag_list if tag.pk]
        ids = list(picked)
        if len(ids) < limit and tag_ids:
            # Newest first, each checked for a shared tag: the query stops at the fourth found
            # instead of reading every article of the tags (thousands at 10,000 articles).
            shared = NewsArticleTag.objects.filter(
                content_object_id=models.OuterRef("pk"), tag_id__in=tag_ids
            )
            same_tags = (
                public_articles()
                .filter(models.Exists(shared))
                .exclude(pk__in=[*ids, self.pk or 0])
                .values_list("pk", flat=True)
            )
            ids += list(same_tags[: limit - len(ids)])
        if not ids:
            return []
        found = {
            article.pk: article
            for article in card_queryset(public_articles(), tags=False).filter(pk__in=ids)
        }
        return [found[pk] for pk in ids if pk in found][:limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # Built, never stored.
            parts = article_parts(self, request, SiteBranding.for_request(request))
            written = parts["structured_data_written"]
        else:
            # With FRAGMENT_CACHE on, routing may hand over a copy of the page remembered with
            # older parts: the ones read (or built) first in this generation are remembered.
            # The branding (their key's content version) is read only to build or check them.
            site = Site.find_for_request(request)
            key = (self.pk, getattr(site, "pk", None), translation.get_language())

            def remembered_parts():
                return memo.remember(
                    "article-parts",
                    *key,
                    compute=lambda: article_parts(self, request, SiteBranding.for_request(request)),
                )

            # Read when a template asks for them: an article read again shows them from its
            # fragments (news_article_page.html), all but its JSON-LD, remembered on its own
            # (a few hundred bytes instead of the parts' ~10 KB to read again).
            parts = SimpleLazyObject(remembered_parts)
            written = memo.remember(
                "article-structured-data",
                *key,
                compute=lambda: parts["structured_data_written"],
            )
        context["article_parts"] = parts
        context["structured_data_written"] = written
        context["news_index"] = self.news_index
        return context

    def page_cache_dependents(self):
        from news.purges import article_dependents

        return article_dependents(self)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        for entry in urls:
            entry["lastmod"] = self.last_published_at or self.published_at
        return urls


class NewsArticleRelatedArticle(Orderable):
    """An editor-picked related article, shown before the ones found by shared tags."""

    page = ParentalKey(NewsArticlePage, related_name="related_articles", on_delete=models.CASCADE)
    article = link(NewsArticlePage, _("Bài viết"), _("Chọn một bài viết đã đăng."))

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = verbose_name_plural = _("Bài liên quan")
