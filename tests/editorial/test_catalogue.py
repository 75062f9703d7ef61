"""The project's Vietnamese catalogue completes Wagtail's: figures and the admin's own words."""

import shutil
import subprocess

import pytest
from django.conf import settings
from django.utils import translation

from editorial.catalogues import statistics

from .screen_text import visible_text


@pytest.mark.db_independent
def test_at_least_95_percent_of_wagtails_admin_msgids_are_vietnamese():
    total, done, missing = statistics(("wagtail",), "django", "vi")
    assert total > 1700  # every Wagtail app's English catalogue was read
    assert done / total >= 0.95, [m.msgid for m in missing][:50]
    # What is left reads the same in Vietnamese (placeholders, Email, URL, ID, API names).
    leftovers = {m.msgid for m in missing}
    assert leftovers <= {
        "%(field_label)s:",
        "%(range_start)s - %(range_end)s",
        "%(status_display)s %(task_name)s %(started_at)s",
        "Email",
        "ID",
        "URL",
        "Wagtail API v2",
        "Wagtail API v3",
    }, leftovers


@pytest.mark.db_independent
def test_the_javascript_catalogue_is_vietnamese_too():
    total, done, _missing = statistics(("wagtail",), "djangojs", "vi")
    assert total > 80 and done / total >= 0.95


@pytest.mark.db_independent
@pytest.mark.skipif(not shutil.which("msgfmt"), reason="msgfmt (gettext) not installed")
def test_the_catalogues_compile_cleanly():
    for po in sorted(settings.LOCALE_PATHS[0].glob("*/LC_MESSAGES/*.po")):
        result = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr


@pytest.mark.db_independent
def test_wagtails_documents_are_never_called_van_ban():
    with translation.override("vi"):
        assert translation.gettext("Documents") == "Tệp tài liệu"
        assert "văn bản" not in translation.gettext("Choose a document").lower()
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.gettext("Publish") == "Xuất bản"


@pytest.mark.db_independent
def test_how_long_ago_reads_in_vietnamese():
    """Django's own catalogue lacks the "%(num)d minute" wording of timesince (the admin's
    reports, "4 phút trước"): ours has it."""
    from datetime import timedelta

    from django.utils import timezone
    from django.utils.timesince import timesince

    now = timezone.now()
    with translation.override("vi"):
        assert timesince(now - timedelta(minutes=4), now) == "4\xa0phút"
        assert timesince(now - timedelta(days=400, hours=3), now) == "1\xa0năm, 1\xa0tháng"
        assert timesince(now - timedelta(days=9, hours=5), now) == "1\xa0tuần, 2\xa0ngày"
        assert timesince(now - timedelta(hours=5, minutes=1), now) == "5\xa0giờ, 1\xa0phút"


@pytest.mark.django_db
def test_the_admin_menu_names_wagtails_documents_tep_tai_lieu(admin_client):
    html = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    words = visible_text(html)  # the sidebar is JSON its script renders
    assert "Tệp tài liệu" in words and "Ảnh" in words
    assert "Documents" not in words and not any("văn bản" in w.lower() for w in words)
