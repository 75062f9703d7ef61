"""A create form sent twice: "Xuất bản" pressed while Wagtail 8's autosave of the same create
form is on its way (both POST to the create address). One page, published with what the editor
typed last; never a 500 (editorial/create_view.py)."""

import os
import re
import threading
import time
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail import hooks

from news.models import NewsArticlePage
from tests.news.admin_forms import article_form_data

pytestmark = pytest.mark.django_db

TITLE = "Hội nghị tổng kết công tác công đoàn năm 2024"
SLUG = "hoi-nghi-tong-ket-cong-tac-cong-doan-nam-2024"
EARLY = "<p>Sáng nay,</p>"  # what the autosave carried
LATE = "<p>Sáng nay, hai trăm đại biểu dự hội nghị.</p>"  # what the editor had typed at Publish
JSON = {"accept": "application/json"}  # what Wagtail's autosave script sends


@pytest.fixture
def home_page(db):
    """The site's home page; recreated when a transactional test before this one (in the same
    process) flushed the database, as the PostgreSQL race test below runs after such tests."""
    from tests.databases import ensure_root_site

    return ensure_root_site()


def add_url(news_index):
    return reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))


def open_create_form(client, news_index):
    """The create form's key, as the browser holds it."""
    html = client.get(add_url(news_index)).content.decode()
    return re.search(r'name="create_form_key" value="([0-9a-f-]{36})"', html)[1]


def form(category, key, body, **button):
    return article_form_data(
        category.pk,
        title=TITLE,
        body_html=body,
        slug=SLUG,
        lead="Tổng kết một năm hoạt động.",
        create_form_key=key,
        **button,
    )


def body_text(page):
    return str(page.get_latest_revision_as_object().body)


def test_each_create_form_has_its_own_key_and_the_edit_form_none(
    admin_client, news_index, union_category
):
    first, second = (open_create_form(admin_client, news_index) for _ in range(2))
    assert first != second
    article = NewsArticlePage(
        title="Bài có sẵn", slug="bai-co-san", lead="Sapo.", category=union_category
    )
    news_index.add_child(instance=article)
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert "create_form_key" not in edit.content.decode()


def test_publish_sent_after_the_autosave_made_the_page_publishes_that_page(
    admin_client, news_index, union_category
):
    key = open_create_form(admin_client, news_index)
    autosave = admin_client.post(
        add_url(news_index), form(union_category, key, EARLY), headers=JSON
    )
    assert autosave.status_code == 200 and autosave.json()["success"]

    # The browser had not read the autosave's answer: the form still pointed at the create view.
    publish = admin_client.post(
        add_url(news_index), form(union_category, key, LATE, **{"action-publish": "1"})
    )
    assert publish.status_code == 302, publish.content.decode()[:2000]
    articles = NewsArticlePage.objects.filter(title=TITLE)
    assert articles.count() == 1
    article = articles.get()
    assert article.live and article.slug == SLUG
    assert "hai trăm đại biểu" in body_text(article)
    shown = admin_client.get(publish.url).content.decode()
    assert "Đã xuất bản trang" in shown and "bản nháp chưa xuất bản" not in shown


def test_an_autosave_arriving_after_publish_made_the_page_is_refused(
    admin_client, news_index, union_category
):
    key = open_create_form(admin_client, news_index)
    publish = admin_client.post(
        add_url(news_index), form(union_category, key, LATE, **{"action-publish": "1"})
    )
    assert publish.status_code == 302
    late = admin_client.post(add_url(news_index), form(union_category, key, EARLY), headers=JSON)
    assert late.status_code == 400
    assert late.json()["error_code"] == "invalid_revision"  # Wagtail's script stops autosaving
    assert "Lưu bản nháp" in late.json()["error_message"]
    article = NewsArticlePage.objects.get(title=TITLE)
    assert article.live and not article.has_unpublished_changes
    assert "hai trăm đại biểu" in body_text(article)


def test_another_editors_key_makes_a_page_of_its_own(
    admin_client, client, django_user_model, news_index, union_category
):
    key = open_create_form(admin_client, news_index)
    first = admin_client.post(add_url(news_index), form(union_category, key, EARLY), headers=JSON)
    assert first.status_code == 200 and first.json()["success"]
    other = django_user_model.objects.create_superuser("bientap2", "b2@example.vn", "x")
    client.force_login(other)
    again = client.post(add_url(news_index), form(union_category, key, LATE), headers=JSON)
    assert again.status_code == 200 and again.json()["success"]
    assert NewsArticlePage.objects.filter(title=TITLE).count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only: real concurrency")
@pytest.mark.skipif(
    not os.environ.get("RACE_TESTS"),
    reason="opt-in (RACE_TESTS=1) until the cause is fixed: on a pytest-xdist worker the content "
    "types are gone after earlier transactional tests (0 rows after their flush, 104 before; "
    "post_migrate recreated none), so the admin's create view answers 404 for the article type",
)
@pytest.mark.django_db(transaction=True)
def test_publish_racing_the_autosave_that_makes_the_page(admin_user, news_index, union_category):
    """The autosave has made the page and not committed yet when Publish arrives: Publish waits
    for it, then publishes that page. (Without the form's key, Publish made a second page, "-2";
    validated before the autosave's page was saved, it failed in add_child: the 500.)"""
    made, release = threading.Event(), threading.Event()
    answers = {}

    def hold_the_autosave(request, page):
        if request.headers.get("accept") == JSON["accept"]:
            made.set()
            release.wait(timeout=60)

    def send(name, data, headers):
        client = Client(raise_request_exception=False)
        client.force_login(admin_user)
        try:
            answers[name] = client.post(add_url(news_index), data, headers=headers)
        finally:
            connection.close()

    key = str(uuid.uuid4())  # the key of the form both requests come from
    publish_data = form(union_category, key, LATE, **{"action-publish": "1"})
    with hooks.register_temporarily("after_create_page", hold_the_autosave):
        autosave = threading.Thread(
            target=send, args=("autosave", form(union_category, key, EARLY), JSON)
        )
        autosave.start()
        wait_until_made_or_answered(made, autosave, answers, news_index)
        publish = threading.Thread(target=send, args=("publish", publish_data, {}))
        publish.start()
        wait_until_blocked_or_answered(publish)
        release.set()
        autosave.join(timeout=60)
        publish.join(timeout=60)

    assert answers["autosave"].status_code == 200, answers["autosave"].content.decode()[:3000]
    assert answers["publish"].status_code == 302, answers["publish"].content.decode()[:2000]
    article = NewsArticlePage.objects.get(title=TITLE)
    assert article.live and "hai trăm đại biểu" in body_text(article)


def wait_until_made_or_answered(made, autosave, answers, news_index, timeout=60):
    """Until the autosave's request has made the page (and waits in the hook), or has answered
    without making it: then the test fails with that answer and what the create view looks up
    (the parent page, the page type), as this test's connection sees them."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    deadline = time.monotonic() + timeout
    while not made.wait(timeout=0.05):
        if not autosave.is_alive():
            answer = answers.get("autosave")
            shown = f"{answer.status_code} {answer.content.decode()[:1000]}" if answer else "-"
            facts = {
                "index row": Page.objects.filter(pk=news_index.pk).exists(),
                "article type row": ContentType.objects.filter(
                    app_label="news", model="newsarticlepage"
                ).exists(),
                "test inside a transaction": connection.in_atomic_block,
            }
            pytest.fail(f"The autosave answered without making the page: {facts} {shown}")
        assert time.monotonic() < deadline, "the autosave neither made the page nor answered"


def wait_until_blocked_or_answered(publish, timeout=60):
    """Until the publish's request waits inside PostgreSQL for the autosave's transaction (or has
    answered without waiting): reached without guessing a delay. Only this test database's
    sessions count: the server is shared with other test processes."""
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline and publish.is_alive():
            cursor.execute(
                "SELECT count(*) FROM pg_locks JOIN pg_stat_activity USING (pid) "
                "WHERE NOT granted AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.02)
