"""News categories (a snippet: one per article, each with its own listing and feeds) and the
article tags (django-taggit through a ClusterTaggableManager)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.fields import optional_long_text, text

__all__ = ["NewsArticleTag", "NewsCategory"]


class NewsCategory(index.Indexed, models.Model):
    """One category per article; it gets its own listing page and feeds."""

    name = text(
        _("Tên chuyên mục"),
        _("Ví dụ: Hoạt động Công đoàn. Hiện trên thẻ bài viết và đầu trang chuyên mục."),
        max_length=100,
        unique=True,
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
    description = optional_long_text(
        _("Mô tả"),
        _("Một hai câu giới thiệu chuyên mục; hiện ở đầu trang chuyên mục và trong RSS."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = verbose_name_plural = _("Chuyên mục tin")

    def __str__(self):
        return self.name


class NewsArticleTag(TaggedItemBase):
    """Tags of an article. The tag table is taggit's own, shared with the other page types."""

    content_object = ParentalKey(
        "news.NewsArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )
    # Copies of the article's `listed_in` and `published_at`, kept by save() here, by the
    # article's save(), by news.listing.relist and by the bulk generator: a tag's list reads its
    # newest articles from this table's index in order and stops, and counts them in the index,
    # instead of reading and sorting every article of the tag (1,282 of 10,000 for a busy tag).
    listed_in = models.IntegerField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = verbose_name_plural = _("Thẻ của bài viết")
        indexes = [
            models.Index(
                fields=["tag", "listed_in", "published_at", "content_object"],
                name="news_tag_listed",
            )
        ]

    def save(self, *args, **kwargs):
        article = self.content_object
        self.listed_in, self.published_at = article.listed_in, article.published_at
        super().save(*args, **kwargs)
