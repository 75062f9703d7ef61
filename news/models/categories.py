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

    class Meta:
        verbose_name = verbose_name_plural = _("Thẻ của bài viết")
