"""An editor's publish saves the page three times; its search index and reference index are
updated once, when the request's saves are done, and are up to date in the response
(portal/wagtail_tasks.py)."""

from collections import Counter

import pytest
from django.urls import reverse
from django_tasks.signals import task_finished
from wagtail.models import ReferenceIndex

from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage
from portal.wagtail_tasks import coalesced
from tests.news.admin_forms import article_form_data

pytestmark = pytest.mark.django_db

INDEX_TASKS = (
    "modelsearch.tasks.insert_or_update_object_task",
    "wagtail.tasks.update_reference_index_task",
)


@pytest.fixture
def runs():
    """Each of Wagtail's index tasks that ran: (task, its arguments) -> times."""
    counted: Counter[tuple[str, tuple[str, ...]]] = Counter()

    def count(sender, task_result, **kwargs):
        if task_result.task.module_path in INDEX_TASKS:
            counted[(task_result.task.module_path, tuple(map(str, task_result.args)))] += 1

    task_finished.connect(count)
    yield counted
    task_finished.disconnect(count)


def test_an_editors_publish_indexes_the_article_once_and_it_is_found_at_once(
    admin_client, news_index, union_category, runs
):
    linked = NewsArticlePageFactory(parent=news_index, title="Bài được nhắc tới")
    runs.clear()
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    data = article_form_data(
        union_category.pk,
        title="Đoàn viên nhà máy dệt nhận quà Tết",
        body_html=f'<p>Xem thêm <a linktype="page" id="{linked.pk}">bài trước</a>.</p>',
        slug="doan-vien-nha-may-det-nhan-qua-tet",
        lead="Công đoàn trao quà cho đoàn viên trước Tết.",
        publish=True,
    )

    response = admin_client.post(add_url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    article = NewsArticlePage.objects.get(slug="doan-vien-nha-may-det-nhan-qua-tet")
    assert article.live
    mine = {key: times for key, times in runs.items() if str(article.pk) in key[1]}
    assert mine, "the published article was never indexed"
    assert set(mine.values()) == {1}, mine
    assert {task for task, _ in mine} == set(INDEX_TASKS)
    # Up to date when the editor gets the answer: found by its words, its link recorded.
    assert list(NewsArticlePage.objects.live().search("nhà máy dệt")) == [article]
    assert ReferenceIndex.get_references_for_object(article).filter(to_object_id=str(linked.pk))


def test_outside_a_batch_each_save_is_indexed_at_once(news_index, runs):
    article = NewsArticlePageFactory(parent=news_index, title="Tin cũ")
    runs.clear()
    article.title = "Công nhân khu công nghiệp được khám sức khoẻ"
    article.save()
    assert list(NewsArticlePage.objects.live().search("khám sức khoẻ")) == [article]
    article.save()
    search_runs = [times for (task, _), times in runs.items() if task == INDEX_TASKS[0]]
    assert sum(search_runs) >= 2


def test_a_batch_indexes_the_last_saved_state_once(news_index, runs):
    article = NewsArticlePageFactory(parent=news_index, title="Tin đầu tiên")
    runs.clear()
    with coalesced():
        for title in ("Bản nháp một", "Bản nháp hai", "Hội thao công nhân mùa xuân"):
            article.title = title
            article.save()
        with coalesced():  # a nested batch joins the outer one
            article.save()
        assert not runs, "nothing runs before the batch ends"
    assert set(runs.values()) == {1}, runs
    assert list(NewsArticlePage.objects.live().search("hội thao")) == [article]
    assert not list(NewsArticlePage.objects.live().search("bản nháp"))


def test_an_object_deleted_before_the_batch_ends_is_not_indexed_and_nothing_breaks(news_index):
    with coalesced():
        article = NewsArticlePageFactory(parent=news_index, title="Tin bị xoá ngay")
        article.delete()
    assert not list(NewsArticlePage.objects.search("bị xoá"))
