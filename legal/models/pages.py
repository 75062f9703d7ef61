"""The public side of the legal Q&A: an index page (with the ask form) and topic pages holding
questions and answers that staff reworded without the asker's personal data."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from home.page_parts import intro_panels, plain_intro
from portal.fields import long_text, optional_date, rich_text
from search.index import IntroSearchMixin
from search.text import plain_text

CONSENT = (
    "Tôi đồng ý để Công đoàn Viên chức Việt Nam dùng họ tên, cách liên hệ và câu hỏi của tôi để "
    "trả lời tôi. Nếu câu hỏi được đăng, nội dung sẽ được viết lại, không kèm tên hay cách liên "
    "hệ của tôi."
)


class LegalIndexPage(IntroSearchMixin, Page):
    intro = plain_intro(max_length=800)
    consent_text = long_text(
        _("Nội dung đồng ý"),
        _("Người hỏi phải đánh dấu ô đồng ý; nội dung và phiên bản được lưu kèm."),
        max_length=1500,
        default=CONSENT,
    )
    thank_you_text = long_text(
        _("Lời cảm ơn"), max_length=600, default="Cảm ơn bạn. Cán bộ tư vấn sẽ liên hệ trả lời bạn."
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("consent_text"),
        FieldPanel("thank_you_text"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["legal.LegalTopicPage"]

    class Meta:
        verbose_name = verbose_name_plural = _("Trang tư vấn pháp luật")

    def topics(self):
        return list(LegalTopicPage.objects.child_of(self).live().public().order_by("path"))

    def serve(self, request, *args, **kwargs):
        from ..web import serve_ask_page

        return serve_ask_page(self, request, *args, **kwargs)


class LegalTopicPage(IntroSearchMixin, Page):
    intro = plain_intro(_("Ví dụ: hợp đồng lao động."))

    content_panels = intro_panels(
        _(
            "Viết lại câu hỏi cho gọn, bỏ tên, số điện thoại, nơi làm việc và mọi chi tiết "
            "cho biết người hỏi là ai."
        ),
        InlinePanel("answers", label=_("Hỏi – đáp")),
    )
    folded_body_fields = ("intro", "answers_text")

    parent_page_types = ["legal.LegalIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = verbose_name_plural = _("Chủ đề hỏi – đáp")

    def answers_text(self):
        return " ".join(f"{a.question} {plain_text(a.answer)}" for a in self.answers.all())

    def faq_structured_data(self, answers):
        """schema.org FAQPage, written out by portal/structured_data.py (base.html)."""
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "name": self.title,
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": answer.question,
                    "acceptedAnswer": {"@type": "Answer", "text": plain_text(answer.answer)},
                }
                for answer in answers
            ],
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        answers = list(self.answers.all())
        context["answers"] = answers
        context["structured_data"] = [self.faq_structured_data(answers)] if answers else []
        context["legal_index"] = self.get_parent()
        return context


class LegalAnswer(Orderable):
    page = ParentalKey(LegalTopicPage, related_name="answers", on_delete=models.CASCADE)
    question = long_text(
        _("Câu hỏi (đã viết lại)"),
        _("Không ghi tên, số điện thoại hay nơi làm việc của người hỏi."),
        max_length=1500,
    )
    answer = rich_text(_("Trả lời"), lists=True)
    answered_on = optional_date(_("Ngày trả lời"))

    panels = [FieldPanel("question"), FieldPanel("answer"), FieldPanel("answered_on")]

    class Meta(Orderable.Meta):
        verbose_name = verbose_name_plural = _("Hỏi – đáp")
