"""The admin screens of issue 18's point 1 (and issue 21's), the role that uses each, the roles,
and how to read a role's menu: shared by the rendered-screen test and the browser test."""

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

# The screens of point 1 of issue 18; {placeholders} filled from the demo content. Each names the
# role that uses it: the browser test opens it once, as that role (and fails if that role is
# refused it); the rendered-screen test opens every screen as every role.
SCREENS = {
    "/admin/": "editor",  # every role's dashboard is checked too, after its login
    "/admin/account/": "editor",  # in every role's menu
    "/admin/pages/": "editor",
    "/admin/pages/{news}/": "editor",
    "/admin/pages/add/news/newsarticlepage/{news}/": "editor",
    # The approver's edit screen of the article (its action menu: publish, schedule) is opened
    # by the browser test of its status panel and schedule dialog.
    "/admin/pages/{article}/edit/": "editor",
    "/admin/pages/{article}/history/": "editor",
    "/admin/pages/{article}/revisions/compare/earliest...{revision}/": "editor",
    # Moving, deleting and unpublishing a live page take the right to publish: approvers'.
    "/admin/pages/{article}/move/": "approver",
    "/admin/pages/{article}/delete/": "approver",
    "/admin/pages/{article}/unpublish/": "approver",
    "/admin/pages/{article}/copy/": "editor",
    "/admin/pages/search/?q=c%C3%B4ng+%C4%91o%C3%A0n": "editor",
    # The choosers, opened from the article form as the editor does.
    "/admin/choose-page/": "editor",
    "/admin/choose-page/{news}/": "editor",
    "/admin/choose-external-link/": "editor",
    "/admin/choose-email-link/": "editor",
    "/admin/choose-phone-link/": "editor",
    "/admin/choose-anchor-link/": "editor",
    "/admin/images/": "editor",
    "/admin/images/{image}/": "editor",
    "/admin/images/multiple/add/": "editor",
    "/admin/images/chooser/": "editor",
    "/admin/documents/": "editor",
    "/admin/documents/edit/{document}/": "editor",
    "/admin/documents/multiple/add/": "editor",
    "/admin/documents/chooser/": "editor",
    "/admin/snippets/": "editor",
    # Editors choose the categories; approvers add and change them.
    "/admin/snippets/news/newscategory/": "approver",
    "/admin/collections/": "superuser",
    "/admin/redirects/": "superuser",
    "/admin/redirects/add/": "superuser",
    "/admin/searchpicks/": "superuser",
    "/admin/searchpicks/add/": "superuser",
    "/admin/workflows/list/": "superuser",
    "/admin/workflows/tasks/index/": "superuser",
    "/admin/reports/locked/": "approver",
    "/admin/reports/site-history/": "superuser",
    "/admin/reports/aging-pages/": "editor",
    "/admin/reports/workflow/": "approver",
    "/admin/reports/workflow_tasks/": "approver",
    "/admin/users/": "superuser",
    "/admin/users/new/": "superuser",
    "/admin/groups/": "superuser",
    "/admin/groups/edit/{editors_group}/": "superuser",
    # Issue 21's screens: its page types, snippets, form submissions and legal questions.
    "/admin/pages/{content_page}/edit/": "editor",
    "/admin/pages/add/pages/contentpage/{content_page}/": "editor",
    "/admin/pages/{leadership}/edit/": "editor",
    "/admin/pages/{contact}/edit/": "editor",
    "/admin/pages/{form_page}/edit/": "editor",
    "/admin/pages/{album}/edit/": "editor",
    "/admin/pages/add/gallery/videopage/{gallery}/": "editor",
    "/admin/pages/{legal_topic}/edit/": "editor",
    # Menu items, people and terms are public once saved: approvers write them, editors read.
    "/admin/snippets/menus/menuitem/": "approver",
    "/admin/snippets/menus/menuitem/add/": "approver",
    "/admin/snippets/pages/leader/": "approver",
    "/admin/snippets/pages/term/": "approver",
    "/admin/forms/": "editor",
    "/admin/forms/submissions/{form_page}/": "form_staff",
    "/admin/cau-hoi-phap-luat/": "legal_staff",
    "/admin/cau-hoi-phap-luat/inspect/{question}/": "legal_staff",
    "/admin/cau-hoi-phap-luat/edit/{question}/": "legal_staff",
}


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
