"""Erase registry entries that were not admitted within REGISTRY_RETENTION_DAYS (run daily).

With `--enqueue` the purge is put on the background queue (the systemd timer of
docs/deployment.md does this); without it, it runs here and now (portal/retention.py)."""

from campaigns.registry.service import RETENTION
from portal.retention import RetentionPurgeCommand


class Command(RetentionPurgeCommand):
    help = (
        "Xoá dữ liệu cá nhân của các đăng ký chưa được kết nạp sau REGISTRY_RETENTION_DAYS ngày "
        "(dòng được giữ ẩn danh để thống kê) và các tệp xuất dữ liệu quá hạn."
    )
    policy = RETENTION
