"""Demo promoted results: what an editor would pin for the most common searches. Idempotent:
only pages that exist get a promotion, and a second run changes nothing."""

from django.utils.module_loading import import_string


def _resolution_02():
    try:
        ResolutionPage = import_string("resolutions.models.ResolutionPage")
    except ImportError:
        return None
    return ResolutionPage.objects.live().public().filter(number="02-NQ/TW").first()


def _signup_page():
    try:
        SignupPage = import_string("campaigns.models.SignupPage")
        slug = import_string("campaigns.registry.demo.SIGNUP_SLUG")
    except ImportError:
        return None
    return SignupPage.objects.live().public().filter(slug=slug).first()


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
