"""Campaigns: the campaign index (/chien-dich/, current campaigns first) and the campaign page
(dates, place, goal, sign-up form, related news by shared tags)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.template.loader import select_template
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from campaigns.blocks import campaign_body_blocks
from campaigns.registry.pages import SignupFormPageMixin
from home.cards import with_renditions
from home.page_parts import HeroImageMixin, hero_panel, rich_intro
from news.models import NewsArticleTag, card_queryset, public_articles
from portal.fields import (
    optional_date,
    optional_text,
    optional_url,
    stream_body,
    switch,
)
from portal.pagecache.privacy import private_q
from search.index import (
    FOLDED_SEARCH_FIELDS,
    FoldedSearchMixin,
    IntroSearchMixin,
    IntroSnippetMixin,
)
from search.text import plain_text

__all__ = [
    "CAMPAIGN_CARD_SPEC",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignPageTag",
    "split_current_and_past",
]

CAMPAIGN_CARD_SPEC = "fill-640x360"
CAMPAIGN_HERO_SPEC = "fill-1200x630"
RELATED_NEWS_SIZE = 3


def with_card_images(queryset, field="hero_image", spec=CAMPAIGN_CARD_SPEC):
    return with_renditions(queryset, field, spec)


def split_current_and_past(campaigns, day=None):
    """Current (running or upcoming) campaigns by start date, then past ones, latest first."""
    day = day or timezone.localdate()
    current = [c for c in campaigns if not c.is_past_on(day)]
    past = [c for c in campaigns if c.is_past_on(day)]
    current.sort(key=lambda c: (c.start_date or day, c.title))
    past.sort(key=lambda c: (c.end_date, c.start_date or c.end_date), reverse=True)
    return current, past


# --- Campaign index -------------------------------------------------------------------------


class CampaignIndexPage(IntroSearchMixin, IntroSnippetMixin, Page):
    """`/chien-dich/`: every campaign as a card, current ones first."""

    intro = rich_intro(_("Một đoạn ngắn trên danh sách chiến dịch."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]
    max_count = 1

    class Meta:
        verbose_name = verbose_name_plural = _("Danh sách chiến dịch")

    def campaigns(self):
        queryset = CampaignPage.objects.child_of(self).live().exclude(private_q())
        return list(with_card_images(queryset).order_by("start_date", "pk"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        current, past = split_current_and_past(self.campaigns())
        context["current_campaigns"] = current
        context["past_campaigns"] = past
        return context


# --- Campaign page --------------------------------------------------------------------------


class CampaignPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "campaigns.CampaignPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = verbose_name_plural = _("Thẻ chiến dịch")


class CampaignPage(HeroImageMixin, SignupFormPageMixin, FoldedSearchMixin, Page):
    """One campaign: slogan, period, hero image, introduction and a body of free blocks.

    SignupFormPageMixin comes first: the registry makes `serve()` handle the sign-up form's POST
    and puts the form in the context, for the "signup" block to show.
    """

    slogan = optional_text(
        _("Khẩu hiệu"),
        _("Một câu ngắn dưới tiêu đề, ví dụ: Công đoàn Việt Nam – 95 năm đồng hành."),
        max_length=250,
    )
    start_date = optional_date(
        _("Ngày bắt đầu"),
        _("Ngày chiến dịch bắt đầu. Có ngày thì trang khai báo sự kiện cho Google."),
    )
    end_date = optional_date(
        _("Ngày kết thúc"),
        _("Sau ngày này chiến dịch được ghi là đã kết thúc và xếp xuống cuối danh sách."),
    )
    location = optional_text(
        _("Địa điểm"),
        _("Nơi diễn ra sự kiện chính, ví dụ Hà Nội. Bỏ trống nếu chiến dịch trực tuyến."),
    )
    attendance = models.CharField(
        _("Hình thức tham dự"),
        max_length=20,
        blank=True,
        choices=[
            ("", _("Tự xác định: tại chỗ nếu có địa điểm, trực tuyến nếu không")),
            ("tai-cho", _("Tại chỗ")),
            ("truc-tuyen", _("Trực tuyến")),
            ("ket-hop", _("Kết hợp tại chỗ và trực tuyến")),
        ],
        default="",
        help_text=_("Cho máy tìm kiếm biết sự kiện diễn ra tại chỗ, trực tuyến hay cả hai."),
    )
    online_url = optional_url(
        _("Đường dẫn theo dõi trực tuyến"),
        _("Trang phát trực tiếp hoặc họp trực tuyến; bỏ trống để dùng trang này."),
    )
    intro = rich_intro(_("Chiến dịch là gì, dành cho ai, diễn ra khi nào."))
    body = stream_body(
        campaign_body_blocks(),
        _(
            "Ghép tự do các khối: dòng thời gian, đếm ngược, con số, video, bộ ảnh, trích dẫn, "
            "nút kêu gọi, dải đối tác, ô đăng ký đoàn viên…"
        ),
    )
    featured = switch(
        _("Nổi bật trên trang chủ"),
        _("Hiện chiến dịch trong mục Chiến dịch của trang chủ (tối đa 3)."),
        default=False,
    )
    tags = ClusterTaggableManager(
        through=CampaignPageTag,
        blank=True,
        verbose_name=_("Thẻ"),
        help_text=_(
            "Từ khóa chung với tin tức (ví dụ: Tháng Công nhân) để trang tự hiện tin liên quan."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("slogan"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("location"),
                FieldRowPanel([FieldPanel("attendance"), FieldPanel("online_url")]),
            ],
            heading=_("Thời gian và địa điểm"),
        ),
        hero_panel(),
        FieldPanel("intro"),
        HelpPanel(
            content=_(
                "Khối \u201cÔ đăng ký đoàn viên\u201d đặt biểu mẫu đăng ký ngay trên trang này. "
                "Nút kêu gọi có thể trỏ tới #dang-ky để đưa người đọc xuống biểu mẫu."
            )
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("featured")]

    search_fields = Page.search_fields + [
        index.SearchField("slogan", boost=2),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("featured"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        *FOLDED_SEARCH_FIELDS,
    ]
    folded_body_fields = ("slogan", "intro", "body")

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = verbose_name_plural = _("Trang chiến dịch")

    # --- period -------------------------------------------------------------------------

    def is_past_on(self, day):
        return bool(self.end_date and self.end_date < day)

    @property
    def is_past(self):
        return self.is_past_on(timezone.localdate())

    @property
    def is_upcoming(self):
        return bool(self.start_date and self.start_date > timezone.localdate())

    @property
    def status_label(self):
        if self.is_past:
            return _("Đã kết thúc")
        if self.is_upcoming:
            return _("Sắp diễn ra")
        return _("Đang diễn ra")

    @property
    def has_countdown(self):
        return any(block.block_type == "countdown" for block in self.body)

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})

    search_snippet_fields = ("slogan", "intro")  # what search_snippet_text reads

    def search_snippet_text(self):
        return self.slogan or Truncator(plain_text(self.intro)).words(30)

    # --- related news -------------------------------------------------------------------

    def related_news(self, limit=RELATED_NEWS_SIZE, tags=None):
        """The newest public news articles sharing a tag with this campaign (news and campaigns
        share taggit's tags).

        The public articles newest first (`public_articles`: the listed articles' index), each
        checked for a shared tag (a correlated EXISTS): the query stops at the `limit`-th found
        however many articles the archive or the tags have.
        """
        tag_ids = [tag.pk for tag in (self.tags.all() if tags is None else tags)]
        if not tag_ids:
            return []
        shared = NewsArticleTag.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=tag_ids)
        return list(card_queryset(public_articles().filter(Exists(shared)))[:limit])

    # --- structured data ----------------------------------------------------------------

    def attendance_mode(self):
        """ "tai-cho", "truc-tuyen" or "ket-hop": the editor's choice, else from the location."""
        return self.attendance or ("tai-cho" if self.location else "truc-tuyen")

    def structured_data(self, request):
        """schema.org Event, only when the campaign has dates. The attendance mode matches the
        location: a Place for an event held somewhere, a VirtualLocation for an online one,
        both for a mixed one."""
        from portal import structured_data as sd

        if not self.start_date:
            return None
        url = self.get_full_url(request)
        mode = self.attendance_mode()
        place = {
            "@type": "Place",
            "name": self.location,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": self.location,
                "addressCountry": "VN",
            },
        }
        virtual = {"@type": "VirtualLocation", "url": self.online_url or url}
        if mode == "ket-hop" and self.location:
            attendance, location = "MixedEventAttendanceMode", [place, virtual]
        elif mode == "tai-cho" and self.location:
            attendance, location = "OfflineEventAttendanceMode", place
        else:
            attendance, location = "OnlineEventAttendanceMode", virtual
        image = None
        if self.hero_image_id and request is not None:
            rendition = self.hero_image.get_rendition(CAMPAIGN_HERO_SPEC)
            image = [sd.absolute(request, rendition.url)]
        root_url = sd.absolute(request, "/")
        return sd.node(
            "Event",
            name=self.title,
            description=self.slogan or Truncator(plain_text(self.intro)).chars(300),
            startDate=self.start_date.isoformat(),
            endDate=(self.end_date or self.start_date).isoformat(),
            eventStatus="https://schema.org/EventScheduled",
            eventAttendanceMode=f"https://schema.org/{attendance}",
            location=location,
            image=image,
            url=url,
            inLanguage="vi",
            organizer={
                "@type": "Organization",
                "name": "Công đoàn Viên chức Việt Nam",
                "url": root_url,
            },
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaign_tags"] = list(self.tags.all())
        context["related_news"] = self.related_news(tags=context["campaign_tags"])
        context["news_card_template"] = _news_card_template()
        context["share_url"] = self.get_full_url(request)
        context["structured_data"] = [self.structured_data(request)]
        return context


def _news_card_template():
    """The news app's card when it exists, else a plain link list item of ours."""
    template = select_template(
        ["news/includes/article_card.html", "campaigns/includes/news_link.html"]
    )
    return template.template.name
