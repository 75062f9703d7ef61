"""Wagtail 8.0.1's editing-session ping names the editor's own autosave as "a new version you
saved in another window" when the ping was sent with the revision the window held before that
autosave (sent just before it, answered after it on a busy server). The editor's script
(editorial/static/editorial/js/editing-sessions.js) drops such answers; the browser test
(tests/browser/test_editorial_workflow.py) checks what the editor sees."""

import re
from html import unescape

import pytest
from django.urls import reverse

from news.models import NewsArticlePage
from tests.news.admin_forms import article_form_data

pytestmark = pytest.mark.django_db


def hidden(html, name):
    return unescape(re.search(rf'name="{name}" value="([^"]*)"', html)[1])


def test_a_ping_sent_before_an_autosave_names_the_editor_and_the_script_is_there(
    admin_client, admin_user, news_index, union_category
):
    article = NewsArticlePage(
        title="Bản tin tháng Mười", slug="ban-tin-thang-muoi", lead="Sapo.", category=union_category
    )
    news_index.add_child(instance=article)
    article.save_revision(user=admin_user)
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    html = admin_client.get(edit_url).content.decode()
    assert "editorial/js/editing-sessions.js" in html
    ping_url = unescape(re.search(r'data-w-swap-src-value="([^"]+)"', html)[1])
    before = {name: hidden(html, name) for name in ("revision_id", "revision_created_at")}

    data = article_form_data(
        union_category.pk, title="Bản tin tháng Mười", body_html="<p>Mới.</p>", lead="Sapo."
    )
    data |= {
        name: hidden(html, name) for name in ("loaded_revision_id", "loaded_revision_created_at")
    }
    autosave = admin_client.post(edit_url, data, headers={"accept": "application/json"})
    assert autosave.status_code == 200 and autosave.json()["success"]

    stale = admin_client.post(ping_url, {"is_editing": "1", **before}).json()
    assert [s["revision_id"] for s in stale["other_sessions"]] == [autosave.json()["revision_id"]]
    assert "Bạn đã lưu một phiên bản mới ở cửa sổ khác" in stale["html"]

    now = {
        "revision_id": autosave.json()["revision_id"],
        "revision_created_at": autosave.json()["revision_created_at"],
    }
    assert admin_client.post(ping_url, {"is_editing": "1", **now}).json()["other_sessions"] == []
