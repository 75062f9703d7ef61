"""The Executive and Standing Committees by term, from snippets editors manage."""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command

from pages.models import Leader, LeadershipPage

from .conftest import count_queries
from .factories import LeaderFactory, LeadershipPageFactory, TermFactory


@pytest.mark.django_db
def test_the_page_lists_the_current_term_first_and_keeps_past_terms(client, home_page):
    page = LeadershipPageFactory(parent=home_page, slug="ban-chap-hanh")
    current = TermFactory(name="Khóa VI", start_year=2023, end_year=2028)
    past = TermFactory(name="Khóa V", start_year=2018, end_year=2023)
    LeaderFactory(name="Người A (dữ liệu mẫu)", position="Chủ tịch", term=current, body="standing")
    LeaderFactory(name="Người B (dữ liệu mẫu)", term=current)
    LeaderFactory(name="Người cũ (dữ liệu mẫu)", position="Chủ tịch", term=past, body="standing")

    html = client.get(page.url).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "Khóa VI (2023–2028)" in main and "Khóa V (2018–2023)" in main
    current_part, past_part = main.split("Các nhiệm kỳ trước")
    standing, executive = current_part.split("Ban Chấp hành <span")[-2:]
    assert "Người A" in standing and "Người B" not in standing.split("Ban Thường vụ")[-1]
    # A Standing Committee member is in the Executive Committee too.
    assert "Người A" in executive and "Người B" in executive
    assert "Người cũ" in past_part and "Người cũ" not in current_part
    assert re.search(r"<details class=\"term__past\">", past_part)
    # Portraits in modern formats with a JPEG fallback.
    assert 'type="image/avif"' in current_part and 'type="image/webp"' in current_part


@pytest.mark.django_db
def test_query_count_does_not_grow_with_people(client, home_page, django_assert_max_num_queries):
    page = LeadershipPageFactory(parent=home_page, slug="ban-chap-hanh")
    term = TermFactory()
    LeaderFactory(term=term, body="standing")
    client.get(page.url)  # renditions are made on the first render
    few = count_queries(client, page.url)
    for n in range(15):
        LeaderFactory(term=term if n % 2 else TermFactory())
    client.get(page.url)
    # The people with their terms and photos (1) and the photos' renditions (1), however many.
    cache.clear()
    with django_assert_max_num_queries(few):
        assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_demo_leaders_are_marked_as_sample_data(client, demo_content):
    # The demo site shared by this process's tests, loaded a second time.
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert Leader.objects.count() == 10
    assert all("(dữ liệu mẫu)" in name for name in Leader.objects.values_list("name", flat=True))
    page = LeadershipPage.objects.get()
    assert page.get_parent().slug == "gioi-thieu"
    html = client.get(page.url).content.decode()
    assert "Nguyễn Văn A (dữ liệu mẫu)" in html and "Khóa VI (2023–2028)" in html


@pytest.mark.django_db
def test_an_editor_adds_a_leader_in_the_admin(editor_client):
    term = TermFactory(name="Khóa VI", start_year=2023, end_year=2028)
    response = editor_client.post(
        "/admin/snippets/pages/leader/add/",
        {
            "name": "Lê Văn C (dữ liệu mẫu)",
            "position": "Phó Chủ tịch",
            "unit": "Công đoàn Viên chức Việt Nam",
            "body": "standing",
            "term": term.pk,
            "sort_order": "2",
            "photo": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Leader.objects.get().term == term
