"""Background work of the forms app (Django's tasks framework: never inside a request)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

logger = logging.getLogger(__name__)


@task
def notify_new_submission(entry_id):
    """Tell the form's staff that a submission arrived: a link to the admin, never the data.
    A relay that fails or hangs (EMAIL_TIMEOUT) raises; the submission is already stored and
    `manage.py notify_form_submissions` sends what is still unsent."""
    from .models import FormEntry

    entry = FormEntry.objects.select_related("page").filter(pk=entry_id).first()
    if entry is None or entry.notified_at is not None:
        return False
    page = entry.page.specific
    recipients = [a.strip() for a in getattr(page, "notify_emails", "").split(",") if a.strip()]
    if not recipients:
        return False
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailforms:list_submissions", args=(page.pk,)
    )
    send_mail(
        subject=f"Có bài gửi mới qua biểu mẫu “{page.title}”",
        message=(
            f"Biểu mẫu “{page.title}” vừa nhận một bài gửi mới.\n"
            f"Xem trong trang quản trị (cần đăng nhập và có quyền): {url}\n"
        ),
        from_email=None,
        recipient_list=recipients,
        fail_silently=False,
    )
    type(entry).objects.filter(pk=entry.pk).update(notified_at=timezone.now())
    return True
