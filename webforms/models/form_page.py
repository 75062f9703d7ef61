"""FormPage ("Biểu mẫu"): a form an editor builds (contest or quiz registration, survey, event
sign-up). The visitor's POST is validated, stored first, answered with a redirect, and staff are
notified afterwards by a task (webforms/tasks.py), never inside the request."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.coreutils import safe_snake_case

from home.page_parts import plain_intro
from pages.models.content import SectionNavigationMixin
from portal.fields import long_text, optional_datetime, optional_text
from search.index import IntroSearchMixin
from search.text import fold

from ..forms import DEFAULT_CONSENT, RESERVED_NAMES, ProtectedFormBuilder


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")

    def get_field_clean_name(self):
        """ASCII snake case of the label, Vietnamese folded first ("Thư điện tử" →
        thu_dien_tu; Wagtail's own would keep đ as "u0111")."""
        return safe_snake_case(fold(self.label))


def default_retention_days():
    return getattr(settings, "WEBFORMS_RETENTION_DAYS", 365)


class FormPage(SectionNavigationMixin, IntroSearchMixin, AbstractForm):
    intro = plain_intro(_("Biểu mẫu dùng để làm gì, ai nên điền, hạn chót."), max_length=1000)
    thank_you_text = long_text(
        _("Lời cảm ơn sau khi gửi"),
        _("Hiện cho người gửi sau khi thông tin được lưu."),
        max_length=1000,
        default="Cảm ơn bạn. Chúng tôi đã nhận được thông tin.",
    )
    consent_text = long_text(
        _("Nội dung đồng ý"),
        _(
            "Nêu rõ: thu thập thông tin gì, để làm gì, ai giữ, giữ bao lâu, quyền của người gửi. "
            "Người gửi phải đánh dấu ô đồng ý; nội dung và phiên bản được lưu kèm mỗi bài gửi."
        ),
        max_length=1500,
        default=str(DEFAULT_CONSENT),
    )
    retention_days = models.PositiveIntegerField(
        _("Số ngày lưu bài gửi"),
        default=default_retention_days,
        help_text=_("Bài gửi cũ hơn số ngày này bị xóa tự động (lệnh purge_form_submissions)."),
    )
    notify_emails = optional_text(
        _("Báo cho cán bộ qua thư"),
        _(
            "Các địa chỉ thư, cách nhau bằng dấu phẩy. Thư chỉ báo có bài gửi mới và dẫn tới "
            "trang quản trị; không chứa thông tin người gửi."
        ),
        max_length=500,
    )
    closes_at = optional_datetime(
        _("Hạn chót nhận"), _("Sau thời điểm này biểu mẫu không nhận bài nữa. Bỏ trống: không hạn.")
    )

    form_builder = ProtectedFormBuilder

    content_panels = AbstractForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Các ô của biểu mẫu")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Ô chống thư rác và ô đồng ý được thêm tự động. Bài gửi chỉ cán bộ có "
                        "quyền “xem bài gửi qua biểu mẫu” mới xem được."
                    )
                ),
                FieldPanel("consent_text"),
                FieldRowPanel([FieldPanel("retention_days"), FieldPanel("closes_at")]),
                FieldPanel("notify_emails"),
            ],
            _("Bảo vệ dữ liệu và thông báo"),
        ),
    ]

    parent_page_types = ["home.HomePage", "pages.ContentPage", "pages.ContactPage"]
    subpage_types = []

    class Meta:
        verbose_name = verbose_name_plural = _("Biểu mẫu")

    def clean(self):
        super().clean()
        clashes = {
            field.label
            for field in self.form_fields.all()
            if field.get_field_clean_name() in RESERVED_NAMES
        }
        if clashes:
            raise ValidationError(
                _("Tên ô trùng với ô hệ thống, hãy đặt tên khác: %(names)s")
                % {"names": ", ".join(sorted(clashes))}
            )
        for address in filter(None, (a.strip() for a in self.notify_emails.split(","))):
            from django.core.validators import validate_email

            try:
                validate_email(address)
            except ValidationError:
                raise ValidationError(
                    {"notify_emails": _("Địa chỉ thư không hợp lệ: %(a)s") % {"a": address}}
                ) from None

    def get_submission_class(self):
        from .submission import FormEntry

        return FormEntry

    def get_submissions_list_view_class(self):
        from ..views import SafeSubmissionsListView

        return SafeSubmissionsListView

    def get_data_fields(self):
        return super().get_data_fields() + [("consent_version", _("Phiên bản nội dung đồng ý"))]

    @property
    def is_closed(self):
        from django.utils import timezone

        return bool(self.closes_at and self.closes_at <= timezone.now())

    def serve(self, request, *args, **kwargs):
        from ..web import serve_form_page

        return serve_form_page(self, request, *args, **kwargs)
