"""Erase registry entries that were not admitted within REGISTRY_RETENTION_DAYS (run daily).

With `--enqueue` the purge is put on the background queue (the systemd timer of
docs/deployment.md does this); without it, it runs here and now (portal/retention.py)."""

from campaigns.registry.service import expired_entries
from portal.retention import RetentionPurgeCommand


class Command(RetentionPurgeCommand):
    help = (
        "Xoá dữ liệu cá nhân của các đăng ký chưa được kết nạp sau REGISTRY_RETENTION_DAYS ngày "
        "(dòng được giữ ẩn danh để thống kê) và các tệp xuất dữ liệu quá hạn."
    )
    days_setting = "REGISTRY_RETENTION_DAYS"
    dry_run_message = "{count} đăng ký sẽ bị xoá dữ liệu (quá {days} ngày)."
    done_message = "Đã xoá dữ liệu cá nhân của {count} đăng ký quá {days} ngày."

    def get_task(self):
        from campaigns.registry.tasks import purge_registry

        return purge_registry

    def expired(self, days):
        return expired_entries(days)
