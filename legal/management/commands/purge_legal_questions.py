"""Erase the personal data of legal questions older than LEGAL_QUESTION_RETENTION_DAYS (daily).

With `--enqueue` the purge is put on the background queue; without it, it runs here and now
(portal/retention.py)."""

from legal.retention import RETENTION
from portal.retention import RetentionPurgeCommand


class Command(RetentionPurgeCommand):
    help = (
        "Xoá họ tên, cách liên hệ và nội dung của các câu hỏi pháp luật đã quá "
        "LEGAL_QUESTION_RETENTION_DAYS ngày (dòng được giữ ẩn danh để thống kê; trang hỏi – đáp "
        "đã đăng không bị ảnh hưởng)."
    )
    policy = RETENTION
