"""One stored submission of an editor-built form: what was typed, the consent text shown and
its version, and whether staff were notified. Personal data: visible only to staff with the
`webforms.view_formentry` permission, never indexed, never on a public page, erased after the
form's retention period (`manage.py purge_form_submissions`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission

from portal.fields import optional_datetime, optional_long_text, optional_text


class FormEntry(AbstractFormSubmission):
    consent_text = optional_long_text(_("Nội dung đồng ý đã hiển thị"))
    consent_version = optional_text(
        _("Phiên bản nội dung đồng ý"),
        _("Số phiên bản (revision) của trang biểu mẫu khi người gửi đồng ý."),
        max_length=80,
    )
    consented_at = optional_datetime(_("Thời điểm đồng ý"))
    notified_at = optional_datetime(_("Đã báo cho cán bộ lúc"))

    # A submission must not empty the whole site's page cache (portal/pagecache/purge.py).
    page_cache_purge = False

    class Meta:
        verbose_name = verbose_name_plural = _("Bài gửi qua biểu mẫu")
        ordering = ["-submit_time"]
        indexes = [models.Index(fields=["page", "submit_time"])]
        permissions = [("export_formentry", _("Có thể xuất dữ liệu biểu mẫu"))]

    def get_data(self):
        data = super().get_data()
        data["consent_version"] = self.consent_version
        return data
