"""Fragments kept until the next purge (cards, the document page's relations, the blank sign-up
form's fields), with the page cache off: what readers see follows every edit, a document page
rendered again runs no query, and a form with errors is never taken from the cache."""

import pytest

from resolutions.models import RelationType, ResolutionRelation
from tests.campaigns.registry_helpers import form_data, make_notice, make_signup_page
from tests.news.conftest import *  # noqa: F403 - the news fixtures (make_article, news_index)
from tests.resolutions.conftest import library, make_document  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def test_article_cards_follow_edits_on_every_list(client, make_article):
    article = make_article("Tiêu đề đầu tiên")
    client.get("/")  # creates the site settings row (a purge)
    assert "Tiêu đề đầu tiên" in client.get("/tin-tuc/").content.decode()
    article.title = "Tiêu đề đã sửa"
    article.save_revision().publish()
    for url in ("/tin-tuc/", f"/tin-tuc/chuyen-muc/{article.category.slug}/"):
        html = client.get(url).content.decode()
        assert ">Tiêu đề đã sửa</a>" in html and ">Tiêu đề đầu tiên</a>" not in html


def test_a_document_page_follows_new_relations_and_renders_again_without_queries(
    client, library, django_assert_num_queries
):
    resolution = make_document(library, title="Nghị quyết gốc", number="02-NQ/TW")
    client.get("/")  # creates the site settings row (a purge)
    client.get(resolution.url)
    with django_assert_num_queries(0):
        html = client.get(resolution.url).content.decode()
    assert "Được hướng dẫn, triển khai bởi:" not in html
    make_document(
        library,
        title="Chương trình thực hiện",
        number="1734/CTr-TLĐ",
        related=[ResolutionRelation(relation_type=RelationType.IMPLEMENTS, target=resolution)],
    )
    html = client.get(resolution.url).content.decode()
    assert "Được hướng dẫn, triển khai bởi:" in html and "1734/CTr-TLĐ" in html


def test_a_form_with_errors_is_never_the_cached_blank_form(client, home_page):
    make_notice()
    page = make_signup_page(home_page)
    blank = client.get(page.url).content.decode()
    assert 'name="full_name"' in blank and "Lê Minh Châu" not in blank
    data = form_data(full_name="Lê Minh Châu", phone="12")
    html = client.post(page.url, data).content.decode()
    assert 'value="Lê Minh Châu"' in html and 'value="12"' in html
    assert 'class="errorlist"' in html
    # And the next visitor gets the blank form, never someone else's answers.
    again = client.get(page.url).content.decode()
    assert "Lê Minh Châu" not in again and 'class="errorlist"' not in again
