"""The organisation's leaders: terms ("Khóa VI (2023–2028)"), the people elected in each (as
snippets editors manage) and the page that lists the Standing and Executive Committees by term,
past terms kept."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page
from wagtail.search import index

from home.page_parts import field_group, intro_panels, optional_image, plain_intro
from portal.fields import choice, link, optional_text, text
from search.index import IntroSearchMixin

from .content import SectionNavigationMixin

PORTRAIT_SPEC = "format-{avif,webp,jpeg} fill-{160x200,320x400}"
PORTRAIT_RENDITIONS = Filter().expand_spec(PORTRAIT_SPEC)


class Term(models.Model):
    """One term of office, e.g. Khóa VI (2023–2028)."""

    name = text(_("Tên khóa"), _("Ví dụ: Khóa VI. Số khóa viết bằng chữ số La Mã."), max_length=60)
    start_year = models.PositiveSmallIntegerField(_("Năm bắt đầu"), help_text=_("Ví dụ: 2023."))
    end_year = models.PositiveSmallIntegerField(_("Năm kết thúc"), help_text=_("Ví dụ: 2028."))
    note = optional_text(
        _("Ghi chú"),
        _("Tùy chọn, ví dụ: Đại hội lần thứ VI họp ngày 30/9–1/10/2023."),
        max_length=300,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("start_year"),
        FieldPanel("end_year"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = verbose_name_plural = _("Nhiệm kỳ")
        ordering = ["-start_year"]
        constraints = [models.UniqueConstraint(fields=["start_year"], name="pages_term_unique")]

    def __str__(self):
        return f"{self.name} ({self.start_year}–{self.end_year})"

    def clean(self):
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Năm kết thúc phải bằng hoặc sau năm bắt đầu.")})


class Leader(index.Indexed, models.Model):
    """A person elected for one term. Someone re-elected gets one entry per term, so past
    terms keep their own positions."""

    class Body(models.TextChoices):
        STANDING = "standing", _("Ban Thường vụ (và Ban Chấp hành)")
        EXECUTIVE = "executive", _("Ban Chấp hành")

    name = text(_("Họ và tên"), max_length=120)
    photo = optional_image(
        _("Ảnh chân dung"),
        _("Ảnh đứng, tỉ lệ 4:5, rộng tối thiểu 320 px. Bỏ trống: hiện khung trống."),
    )
    position = text(
        _("Chức vụ"), _("Ví dụ: Chủ tịch, Phó Chủ tịch, Ủy viên Ban Thường vụ."), max_length=160
    )
    unit = optional_text(_("Đơn vị công tác"), _("Ví dụ: Công đoàn Bộ Giáo dục và Đào tạo."))
    term = link(Term, _("Nhiệm kỳ"), on_delete=models.PROTECT, related_name="leaders")
    body = choice(
        _("Thuộc"),
        _("Ủy viên Ban Thường vụ hiện ở cả hai danh sách."),
        Body,
        default=Body.EXECUTIVE,
        db_index=False,
    )
    sort_order = models.PositiveSmallIntegerField(
        _("Thứ tự"), default=100, help_text=_("Số nhỏ đứng trước: Chủ tịch 1, Phó Chủ tịch 2…")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("photo"),
        field_group(_("Chức vụ"), "position", "unit", "body"),
        field_group(_("Nhiệm kỳ"), "term", "sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("position"),
        index.FilterField("term"),
    ]

    class Meta:
        verbose_name = verbose_name_plural = _("Lãnh đạo, ủy viên")
        ordering = ["-term__start_year", "sort_order", "name"]

    def __str__(self):
        return f"{self.name} – {self.position} ({self.term.name})"

    @property
    def is_standing(self):
        return self.body == self.Body.STANDING


def leaders_by_term():
    """[(term, standing, executive)] newest term first; everyone in two queries (people with
    their term and photo, then the photos' renditions), whatever the number of people."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=PORTRAIT_RENDITIONS)
    )
    people = Leader.objects.select_related("term", "photo").prefetch_related(
        Prefetch("photo__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )
    terms = {}
    for person in people:
        entry = terms.setdefault(person.term_id, (person.term, [], []))
        if person.is_standing:
            entry[1].append(person)
        entry[2].append(person)
    return sorted(terms.values(), key=lambda item: -item[0].start_year)


class LeadershipPage(SectionNavigationMixin, IntroSearchMixin, Page):
    """ "Ban Chấp hành": the Standing and Executive Committees of the current term, then the
    past terms."""

    intro = plain_intro(_("Ví dụ: Ban Chấp hành do Đại hội VI bầu, nhiệm kỳ 2023–2028."))

    content_panels = intro_panels(
        _(
            "Danh sách lấy từ Đoạn trích › Lãnh đạo, ủy viên. Nhiệm kỳ mới nhất hiện trước; "
            "các nhiệm kỳ trước hiện bên dưới."
        ),
    )

    parent_page_types = ["home.HomePage", "pages.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = verbose_name_plural = _("Trang Ban Chấp hành")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = leaders_by_term()
        context["current_term"] = terms[0] if terms else None
        context["past_terms"] = terms[1:]
        return context
