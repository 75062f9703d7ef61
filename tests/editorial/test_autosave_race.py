"""An autosave that arrives after the editor's own "Lưu bản nháp" (a busy server, a slow network):
it was composed before the save, so it holds less than the save did. It must never replace what
the save stored (editorial/edit_view.py).

Seen in the browser test of the editorial workflow on a loaded machine: the article was
submitted and published without the quote block the editor had added before pressing Ctrl+S,
because an autosave sent while the image block was being filled in was answered after the save
and wrote its older body into the same revision."""

import pytest
from django.urls import reverse

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


def test_an_autosave_answered_after_the_save_does_not_undo_it(
    admin_client, article, union_category
):
    edit = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    first = admin_client.post(edit, form(union_category, EARLY), headers=JSON)
    assert first.status_code == 200 and first.json()["success"]
    autosaved = first.json()["revision_id"]

    # "Lưu bản nháp" (Ctrl+S) with the quote; the form carries the autosave's revision, as the
    # browser's form does once an autosave has been answered.
    saved = admin_client.post(edit, with_quote(union_category, overwrite_revision_id=autosaved))
    assert saved.status_code == 302
    assert latest_blocks(article) == ["paragraph", "quote"]

    # The autosave sent before the save (the quote not yet added) is answered now.
    late = admin_client.post(
        edit, form(union_category, EARLY, overwrite_revision_id=autosaved), headers=JSON
    )
    assert late.status_code == 400 and late.json()["error_code"] == "invalid_revision"
    assert late.json()["error_message"] == "Nếu lưu, bạn sẽ ghi đè một phiên bản mới hơn."
    assert latest_blocks(article) == ["paragraph", "quote"]

    # What the editor then submits for approval, and the approver publishes, keeps the quote.
    page = NewsArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert QUOTE in str(page.body)


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


def test_a_submit_after_an_autosave_sends_what_the_form_holds(
    admin_client, article, union_category
):
    edit = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    first = admin_client.post(edit, form(union_category, EARLY), headers=JSON).json()
    submitted = admin_client.post(
        edit,
        with_quote(
            union_category, overwrite_revision_id=first["revision_id"], **{"action-submit": "1"}
        ),
    )
    assert submitted.status_code == 302
    late = admin_client.post(
        edit,
        form(union_category, EARLY, overwrite_revision_id=first["revision_id"]),
        headers=JSON,
    )
    assert late.status_code == 400
    article.refresh_from_db()
    assert article.current_workflow_state is not None
    assert [
        b.block_type
        for b in article.current_workflow_state.current_task_state.revision.as_object().body
    ] == ["paragraph", "quote"]


def test_a_partner_saved_after_an_autosave_keeps_what_the_save_sent(admin_client):
    """The partners of "Vì phúc lợi đoàn viên" are snippets with revisions and the same autosave."""
    from campaigns.factories import PartnerFactory
    from campaigns.models import Partner
    from tests.admin_pages import edit_form_data

    partner = PartnerFactory(name="Siêu thị Hòa Bình", publish=True)
    edit = reverse("wagtailsnippets_campaigns_partner:edit", args=(partner.pk,))
    data = edit_form_data(admin_client, edit)
    early = {**data, "offer_summary": ["Giảm giá"]}
    first = admin_client.post(edit, early, headers=JSON)
    assert first.status_code == 200 and first.json()["success"], first.content.decode()[:2000]
    autosaved = first.json()["revision_id"]

    offer = "Giảm 15% cho đoàn viên khi xuất trình thẻ."
    saved = admin_client.post(
        edit, {**data, "offer_summary": [offer], "overwrite_revision_id": [str(autosaved)]}
    )
    assert saved.status_code == 302, saved.content.decode()[:2000]
    late = admin_client.post(
        edit, {**early, "overwrite_revision_id": [str(autosaved)]}, headers=JSON
    )
    assert late.status_code == 400 and late.json()["error_code"] == "invalid_revision"
    latest = Partner.objects.get(pk=partner.pk).latest_revision.as_object()
    assert latest.offer_summary == offer
