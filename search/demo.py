"""Demo promoted results: what an editor would pin for the most common searches. Idempotent:
only pages that exist get a promotion, and a second run changes nothing.

The search app imports no content app (a test checks it): the pages are found through the
number providers (`SEARCH_NUMBER_PROVIDERS`) and by the demo site's slug."""

from django.utils.module_loading import import_string
from wagtail.models import Page

# The demo sign-up page's slug (the registry demo, campaigns/registry/demo.py, creates it).
SIGNUP_SLUG = "dang-ky-doan-vien"


def _resolution_02():
    from .engine import number_providers

    for dotted_path in number_providers():
        found = list(import_string(dotted_path)("02-NQ/TW")[:1])
        if found:
            return found[0]
    return None


def _signup_page():
    return Page.objects.live().public().filter(slug=SIGNUP_SLUG).specific().first()


PROMOTIONS = [
    (
        "nghị quyết 02",
        _resolution_02,
        "Nghị quyết 02-NQ/TW của Bộ Chính trị về đổi mới tổ chức và hoạt động của Công đoàn.",
    ),
    (
        "đăng ký",
        _signup_page,
        "Đăng ký gia nhập Công đoàn trực tuyến: biểu mẫu ngắn, công đoàn cơ sở liên hệ lại.",
    ),
]


def load(home, stdout=None):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    for order, (query_string, find_page, description) in enumerate(PROMOTIONS):
        page = find_page()
        if page is None:
            continue
        query = Query.get(query_string)
        _promotion, created = SearchPromotion.objects.get_or_create(
            query=query, page=page, defaults={"description": description, "sort_order": order}
        )
        if stdout and created:
            stdout.write(f"  Kết quả đề xuất cho “{query_string}”: {page.title}")
