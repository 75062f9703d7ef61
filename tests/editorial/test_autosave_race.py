"""An autosave handled beside the editor's own "Lưu bản nháp" (a busy server, a slow network): it
was composed before the save, so it holds less than the save did. It must never replace what the
save stored (editorial/edit_view.py).

Seen in the browser test of the editorial workflow on a loaded machine: the autosave read the
latest revision, the save stored the quote block in a new one, and the autosave then wrote its
older body over its own revision and made it the latest again; the reloaded page warned "Bạn đã
lưu một phiên bản mới ở cửa sổ khác" and the draft had lost the quote.

The requests are the browser's: an autosave sends `overwrite_revision_id` (its window's autosave
revision) with Accept: application/json; the buttons send the form without it."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail import hooks

from news.models import NewsArticlePage
from tests.news.admin_forms import article_form_data

pytestmark = pytest.mark.django_db

TITLE = "Tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở"
EARLY = "<p>Sáng nay,</p>"  # what the late autosave carried
QUOTE = "Mỗi cán bộ công đoàn phải là người gần đoàn viên nhất."
JSON = {"accept": "application/json"}  # what Wagtail's autosave script sends


@pytest.fixture
def article(news_index, union_category, admin_user):
    page = NewsArticlePage(
        title=TITLE, slug="tap-huan-nghiep-vu", lead="Sapo.", category=union_category
    )
    news_index.add_child(instance=page)
    page.save_revision(user=admin_user)
    return page


def form(category, body, **fields):
    """The edit form as the browser sends it, with `body` as its paragraph."""
    return article_form_data(
        category.pk, title=TITLE, slug="tap-huan-nghiep-vu", body_html=body, lead="Sapo.", **fields
    )


def with_quote(category, **fields):
    """The form once the editor has added the quote block."""
    quote = ("quote", {"text": QUOTE, "attribution": "Báo cáo viên"})
    return form(category, "<p>Sáng nay, hai trăm cán bộ dự lớp.</p>", blocks=[quote], **fields)


def latest_blocks(page):
    page.refresh_from_db()
    return [block.block_type for block in page.get_latest_revision_as_object().body]


def late_autosave(admin_client, admin_user, edit, early, autosaved, save):
    """The window's next autosave (`early`, overwriting its revision `autosaved`), handled beside
    the editor's save (`save`, the form as the buttons send it): the autosave has read the latest
    revision when the save is handled and committed. Returns the two answers."""
    answers = {}

    def save_meanwhile(request, obj):
        if request.headers.get("accept") == JSON["accept"] and "save" not in answers:
            editor = Client()
            editor.force_login(admin_user)
            answers["save"] = editor.post(edit, save)

    # Wagtail's page edit view runs this hook after it has read the latest revision.
    with hooks.register_temporarily("before_edit_page", save_meanwhile):
        late = admin_client.post(edit, {**early, "overwrite_revision_id": autosaved}, headers=JSON)
    return late, answers["save"]


def first_autosave(admin_client, edit, data):
    answer = admin_client.post(edit, data, headers=JSON)
    assert answer.status_code == 200 and answer.json()["success"], answer.content.decode()[:2000]
    return answer.json()["revision_id"]


def nothing_newer_than_latest(obj):
    """What the reloaded page's editing session checks: a revision made after the one it loaded
    is "Bạn đã lưu một phiên bản mới ở cửa sổ khác" when the editor next presses a button."""
    latest = type(obj).objects.get(pk=obj.pk).latest_revision
    return not obj.revisions.filter(created_at__gt=latest.created_at).exists()


@pytest.mark.parametrize("button", [{}, {"action-submit": "1"}], ids=["Lưu bản nháp", "Gửi duyệt"])
def test_an_autosave_handled_beside_a_button_does_not_undo_it(
    admin_client, admin_user, article, union_category, button
):
    edit = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    autosaved = first_autosave(admin_client, edit, form(union_category, EARLY))

    late, pressed = late_autosave(
        admin_client, admin_user, edit, form(union_category, EARLY), autosaved,
        with_quote(union_category, **button),
    )  # fmt: skip

    assert pressed.status_code == 302
    assert late.status_code == 400 and late.json()["error_code"] == "invalid_revision"
    assert late.json()["error_message"] == "Nếu lưu, bạn sẽ ghi đè một phiên bản mới hơn."
    assert latest_blocks(article) == ["paragraph", "quote"]
    assert nothing_newer_than_latest(article)
    if button:  # what the approver reviews and publishes keeps the quote
        article.refresh_from_db()
        revision = article.current_workflow_state.current_task_state.revision
        assert QUOTE in str(revision.as_object().body)


def test_autosaves_between_saves_still_keep_one_revision(admin_client, article, union_category):
    """What Wagtail's autosave is for stays: autosaves overwrite their own revision instead of
    adding one per keystroke pause."""
    edit = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    before = article.revisions.count()
    first = admin_client.post(edit, form(union_category, EARLY), headers=JSON).json()
    second = admin_client.post(
        edit,
        form(
            union_category, "<p>Sáng nay, hai trăm</p>", overwrite_revision_id=first["revision_id"]
        ),
        headers=JSON,
    ).json()
    assert second["success"] and second["revision_id"] == first["revision_id"]
    assert article.revisions.count() == before + 1
    assert "hai trăm" in str(
        NewsArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().body
    )


def test_a_partner_saved_after_an_autosave_keeps_what_the_save_sent(admin_client):
    """The partners of "Vì phúc lợi đoàn viên" are snippets with revisions and the same autosave
    (editorial/edit_view.py locks and checks their edits too): the save makes a revision of its
    own, and the autosave sent before it and answered after it is refused."""
    from campaigns.factories import PartnerFactory
    from campaigns.models import Partner
    from tests.admin_pages import edit_form_data

    partner = PartnerFactory(name="Siêu thị Hòa Bình", publish=True)
    edit = reverse("wagtailsnippets_campaigns_partner:edit", args=(partner.pk,))
    data = edit_form_data(admin_client, edit)
    early = {**data, "offer_summary": ["Giảm giá"]}
    autosaved = first_autosave(admin_client, edit, early)

    offer = "Giảm 15% cho đoàn viên khi xuất trình thẻ."
    saved = admin_client.post(edit, {**data, "offer_summary": [offer]})
    assert saved.status_code == 302, saved.content.decode()[:2000]
    late = admin_client.post(
        edit, {**early, "overwrite_revision_id": [str(autosaved)]}, headers=JSON
    )
    assert late.status_code == 400 and late.json()["error_code"] == "invalid_revision"
    latest = Partner.objects.get(pk=partner.pk).latest_revision.as_object()
    assert latest.offer_summary == offer
    assert nothing_newer_than_latest(Partner.objects.get(pk=partner.pk))
