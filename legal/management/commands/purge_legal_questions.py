"""Erase the personal data of legal questions older than LEGAL_QUESTION_RETENTION_DAYS (daily).

With `--enqueue` the purge is put on the background queue; without it, it runs here and now
(portal/retention.py)."""

from legal.retention import expired_questions
from portal.retention import RetentionPurgeCommand


class Command(RetentionPurgeCommand):
    help = (
        "Xoá họ tên, cách liên hệ và nội dung của các câu hỏi pháp luật đã quá "
        "LEGAL_QUESTION_RETENTION_DAYS ngày (dòng được giữ ẩn danh để thống kê; trang hỏi – đáp "
        "đã đăng không bị ảnh hưởng)."
    )
    days_setting = "LEGAL_QUESTION_RETENTION_DAYS"
    dry_run_message = "{count} câu hỏi sẽ bị xoá dữ liệu cá nhân (quá {days} ngày)."
    done_message = "Đã xoá dữ liệu cá nhân của {count} câu hỏi quá {days} ngày."

    def get_task(self):
        from legal.tasks import purge_legal_questions

        return purge_legal_questions

    def expired(self, days):
        return expired_questions(days)
