"""The admin screens of issue 18's point 1 (and issue 21's), the roles that use them, and how to
read a role's menu: shared by the rendered-screen test and the browser test."""

import json

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from editorial.sections import APPROVERS, EDITORS
from news.models import NewsArticlePage, NewsIndexPage

CLERKS = "Cán bộ tiếp nhận đoàn viên"
FORM_STAFF = "Cán bộ xử lý biểu mẫu"
LEGAL_STAFF = "Cán bộ tư vấn pháp luật"
ROLES = {
    "editor": EDITORS,
    "approver": APPROVERS,
    "clerk": CLERKS,
    "form_staff": FORM_STAFF,
    "legal_staff": LEGAL_STAFF,
    "superuser": None,
}

# The screens of point 1 of issue 18; {placeholders} filled from the demo content.
SCREENS = [
    "/admin/",
    "/admin/account/",
    "/admin/pages/",
    "/admin/pages/{news}/",
    "/admin/pages/add/news/newsarticlepage/{news}/",
    "/admin/pages/{article}/edit/",
    "/admin/pages/{article}/history/",
    "/admin/pages/{article}/revisions/compare/earliest...{revision}/",
    "/admin/pages/{article}/move/",
    "/admin/pages/{article}/delete/",
    "/admin/pages/{article}/unpublish/",
    "/admin/pages/{article}/copy/",
    "/admin/pages/search/?q=c%C3%B4ng+%C4%91o%C3%A0n",
    "/admin/choose-page/",
    "/admin/choose-page/{news}/",
    "/admin/choose-external-link/",
    "/admin/choose-email-link/",
    "/admin/choose-phone-link/",
    "/admin/choose-anchor-link/",
    "/admin/images/",
    "/admin/images/{image}/",
    "/admin/images/multiple/add/",
    "/admin/images/chooser/",
    "/admin/documents/",
    "/admin/documents/edit/{document}/",
    "/admin/documents/multiple/add/",
    "/admin/documents/chooser/",
    "/admin/snippets/",
    "/admin/snippets/news/newscategory/",
    "/admin/collections/",
    "/admin/redirects/",
    "/admin/redirects/add/",
    "/admin/searchpicks/",
    "/admin/searchpicks/add/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/reports/locked/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/users/",
    "/admin/users/new/",
    "/admin/groups/",
    "/admin/groups/edit/{editors_group}/",
    # Issue 21's screens: its page types, snippets, form submissions and legal questions.
    "/admin/pages/{content_page}/edit/",
    "/admin/pages/add/pages/contentpage/{content_page}/",
    "/admin/pages/{leadership}/edit/",
    "/admin/pages/{contact}/edit/",
    "/admin/pages/{form_page}/edit/",
    "/admin/pages/{album}/edit/",
    "/admin/pages/add/gallery/videopage/{gallery}/",
    "/admin/pages/{legal_topic}/edit/",
    "/admin/snippets/menus/menuitem/",
    "/admin/snippets/menus/menuitem/add/",
    "/admin/snippets/pages/leader/",
    "/admin/snippets/pages/term/",
    "/admin/forms/",
    "/admin/forms/submissions/{form_page}/",
    "/admin/cau-hoi-phap-luat/",
    "/admin/cau-hoi-phap-luat/inspect/{question}/",
    "/admin/cau-hoi-phap-luat/edit/{question}/",
]


def screen_values():
    """The values of SCREENS' {placeholders}, from the demo content (adds a revision, a form
    submission and a legal question)."""
    news = NewsIndexPage.objects.get()
    article = NewsArticlePage.objects.live().order_by("pk").first()
    revision = article.save_revision()
    Image = get_image_model()
    image = Image.objects.first() or Image.objects.create(
        title="Ảnh hội nghị", file=get_test_image_file()
    )
    Document = get_document_model()
    document = Document.objects.first() or Document.objects.create(
        title="Tệp nghị quyết", file=ContentFile(b"%PDF-1.4\n", name="nghi-quyet.pdf")
    )
    from gallery.models import AlbumPage, GalleryIndexPage
    from legal.models import LegalQuestion, LegalTopicPage
    from pages.models import ContactPage, ContentPage, LeadershipPage
    from webforms.models import FormPage

    form_page = FormPage.objects.live().first()
    form_page.get_submission_class().objects.create(
        page=form_page, form_data={"ho_va_ten": "Người Gửi Thử"}
    )
    question = LegalQuestion.objects.create(
        full_name="Người Hỏi Thử",
        contact="0900000000",
        question="Công đoàn phí được tính thế nào?",
        consent_text="Đồng ý.",
    )
    return {
        "content_page": ContentPage.objects.live().first().pk,
        "leadership": LeadershipPage.objects.live().first().pk,
        "contact": ContactPage.objects.live().first().pk,
        "form_page": form_page.pk,
        "album": AlbumPage.objects.live().first().pk,
        "gallery": GalleryIndexPage.objects.live().first().pk,
        "legal_topic": LegalTopicPage.objects.live().first().pk,
        "question": question.pk,
        "news": news.pk,
        "article": article.pk,
        "revision": revision.pk,
        "image": image.pk,
        "document": document.pk,
        "editors_group": Group.objects.get(name=EDITORS).pk,
    }


def sidebar_urls(html):
    start = html.find('id="wagtail-sidebar-props"')
    if start < 0:
        return []
    body = html[html.index(">", start) + 1 : html.index("</script>", start)]
    urls = []

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("url"), str) and value["url"].startswith("/admin/"):
                urls.append(value["url"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(body))
    return [url for url in urls if "logout" not in url]
