"""Legal Q&A: a member's question is stored privately (consent recorded) and seen only by staff
with the permission; published questions and answers, reworded without personal data, are on
topic pages, searchable without accents, with FAQPage structured data."""

import unicodedata

import pytest
from django.core.cache import cache
from wagtail.test.utils.form_data import inline_formset, rich_text

from legal.models import LegalQuestion, LegalTopicPage
from tests.admin_pages import publish_in_admin
from tests.pages.conftest import count_queries
from tests.public_pages import input_value, json_ld

from .factories import LegalAnswerFactory, LegalIndexPageFactory, LegalTopicPageFactory


@pytest.fixture
def index(home_page):
    page = LegalIndexPageFactory(parent=home_page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def ask(client, url, **overrides):
    html = client.get(url).content.decode()
    data = {
        "form_started": input_value(html, "form_started"),
        "full_name": "Đặng Văn Hỏi",
        "contact": "0912 000 111",
        "topic": "",
        "question": "Tôi làm việc 14 tháng mà chưa được ký hợp đồng, phải làm gì?",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return client.post(url, data)


@pytest.mark.django_db
def test_a_member_asks_and_the_question_is_stored_privately(client, index, legal_staff, editor):
    from news.models import NewsIndexPage

    news = NewsIndexPage(title="Tin tức", slug="tin-tuc")
    index.get_parent().add_child(instance=news)
    topic = LegalTopicPageFactory(parent=index, title="Hợp đồng lao động", slug="hop-dong")
    response = ask(client, index.url, topic=str(topic.pk))
    assert response.status_code == 303 and response["Location"].endswith("?da-gui=1#hoi")
    question = LegalQuestion.objects.get()
    assert question.contact == "0912 000 111" and question.topic == topic
    assert question.consent_text == index.consent_text
    assert question.consent_version == str(index.live_revision_id)
    assert question.status == LegalQuestion.Status.NEW

    # Never in public: pages, sitemap, search, feeds.
    for url in [index.url, topic.url, "/", "/sitemap.xml", "/tin-tuc/rss/", "/tin-tuc/atom/"]:
        body = client.get(url).content.decode()
        assert "Đặng Văn Hỏi" not in body and "0912 000 111" not in body, url
    for query in ("Đặng Văn Hỏi", "dang van hoi", "0912 000 111"):
        html = client.get("/tim-kiem/", {"q": query}).content.decode()
        assert "Không tìm thấy kết quả phù hợp" in html, query

    # Only staff with the permission.
    admin_list = "/admin/cau-hoi-phap-luat/"
    assert client.get(admin_list).status_code == 302  # to the login page
    client.force_login(editor)
    response = client.get(admin_list)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    inspect = client.get(f"{admin_list}inspect/{question.pk}/")
    assert inspect.status_code == 302
    client.force_login(legal_staff)
    assert "14 tháng" in client.get(admin_list).content.decode()
    assert "0912 000 111" in client.get(f"{admin_list}inspect/{question.pk}/").content.decode()


@pytest.mark.django_db
def test_a_question_typed_in_decomposed_form_is_kept_in_nfc(client, index):
    typed = {"full_name": "Đặng Văn Hỏi", "question": "Tôi làm việc 14 tháng, phải làm gì?"}
    ask(
        client,
        index.url,
        **{name: unicodedata.normalize("NFD", text) for name, text in typed.items()},
    )
    question = LegalQuestion.objects.get()
    assert (question.full_name, question.question) == (typed["full_name"], typed["question"])


@pytest.mark.django_db
def test_bad_input_is_refused_in_vietnamese_and_the_honeypot_stores_nothing(client, index):
    response = ask(client, index.url, consent="", question="")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vui lòng nhập câu hỏi." in html and "Cần đánh dấu ô đồng ý" in html
    assert 'value="0912 000 111"' in html  # what was typed is kept
    assert ask(client, index.url, website="x").status_code == 303
    assert LegalQuestion.objects.count() == 0


@pytest.mark.django_db
def test_a_topic_page_shows_questions_and_answers_with_faq_data(client, index):
    topic = LegalTopicPageFactory(parent=index, title="Bảo hiểm xã hội", slug="bao-hiem-xa-hoi")
    LegalAnswerFactory(page=topic, question="Làm sao biết đơn vị đã đóng bảo hiểm?")
    topic.save_revision().publish()  # as the editor does: the page is indexed with its answers
    html = client.get(topic.url).content.decode()
    assert "Làm sao biết đơn vị đã đóng bảo hiểm?" in html
    data = json_ld(html)
    assert data["@type"] == "FAQPage"
    assert data["mainEntity"][0]["name"] == "Làm sao biết đơn vị đã đóng bảo hiểm?"
    assert data["mainEntity"][0]["acceptedAnswer"]["text"].startswith("Bạn tra cứu")
    for query in ("dong bao hiem", "Đóng bảo hiểm"):
        results = client.get("/tim-kiem/", {"q": query}).content.decode()
        assert "/tu-van-phap-luat/bao-hiem-xa-hoi/" in results, query
    assert "/bao-hiem-xa-hoi/</loc>" in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_questions(client, index, django_assert_max_num_queries):
    topic = LegalTopicPageFactory(parent=index)
    LegalAnswerFactory(page=topic)
    few = {url: count_queries(client, url) for url in (topic.url, index.url)}
    for _ in range(10):
        LegalAnswerFactory(page=topic)
        LegalTopicPageFactory(parent=index)
        LegalQuestion.objects.create(
            full_name="A", contact="a@example.vn", question="?", consent_text="x"
        )
    for url, budget in few.items():
        cache.clear()
        with django_assert_max_num_queries(budget):
            assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_an_editor_publishes_a_topic_with_a_question_and_answer(editor_client, client, index):
    qa = {
        "question": "Đoàn phí đóng hằng tháng hay hằng năm?",
        "answer": rich_text("<p>Hằng tháng, qua công đoàn cơ sở.</p>"),
        "answered_on": "",
    }
    topic_form = {
        "title": "Đoàn phí công đoàn",
        "slug": "doan-phi",
        "intro": "Mức và cách đóng đoàn phí.",
        "answers": inline_formset([qa]),
    }
    topic = publish_in_admin(editor_client, LegalTopicPage, index, topic_form)
    assert topic.live
    client.logout()
    assert "Hằng tháng, qua công đoàn cơ sở." in client.get(topic.url).content.decode()
    assert "Đoàn phí công đoàn" in client.get(index.url).content.decode()
