"""The search page with plain pages: what a reader sees, what must never be found."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def test_empty_query_shows_the_form_and_noindex(client):
    response = client.get("/tim-kiem/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert 'name="q"' in html
    assert "kết quả" not in html


def test_finds_a_page_by_title_and_marks_the_word(client, add_page):
    add_page("Hội nghị Ban Chấp hành lần thứ nhất")
    html = client.get("/tim-kiem/", {"q": "hội nghị"}).content.decode()
    assert "1 kết quả" in html
    assert "<mark>Hội</mark> <mark>nghị</mark> Ban Chấp hành" in html


def test_query_is_escaped_everywhere(client, add_page):
    add_page("Trang bình thường")
    html = client.get("/tim-kiem/", {"q": '<script>alert("x")</script>'}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_draft_and_private_pages_are_never_found(client, add_page):
    add_page("Thông báo tuyển dụng công khai")
    add_page("Thông báo tuyển dụng bản nháp", live=False)
    private = add_page("Thông báo tuyển dụng nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    html = client.get("/tim-kiem/", {"q": "tuyển dụng"}).content.decode()
    assert "công khai" in html
    assert "bản nháp" not in html
    assert "nội bộ" not in html
    assert "1 kết quả" in html
    suggestions = client.get("/tim-kiem/goi-y/", {"q": "thông báo"}).json()["results"]
    assert [item["title"] for item in suggestions] == ["Thông báo tuyển dụng công khai"]


def test_empty_state_helps(client, add_page):
    add_page("Trang bình thường")
    html = client.get("/tim-kiem/", {"q": "không có gì khớp cả"}).content.decode()
    assert "0 kết quả" in html
    assert "Thử bớt từ" in html
    assert 'href="/van-ban/"' in html


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99", "1.5"])
def test_bad_result_page_is_404(client, add_page, page):
    add_page("Hội thảo khoa học")
    assert client.get("/tim-kiem/", {"q": "hội thảo", "page": page}).status_code == 404


def test_pagination_keeps_every_result_once(client, add_page):
    for i in range(23):
        add_page(f"Hội thảo số {i}", revision=False)
    seen = []
    for number in (1, 2, 3):
        response = client.get("/tim-kiem/", {"q": "hội thảo", "page": number})
        assert response.status_code == 200
        seen += [hit.title for hit in response.context["results"].object_list]
    assert len(seen) == 23
    assert len(set(seen)) == 23
    assert "23 kết quả" in response.content.decode()
    assert client.get("/tim-kiem/", {"q": "hội thảo", "page": 4}).status_code == 404


def test_query_is_logged_for_editors(client, add_page):
    from wagtail.contrib.search_promotions.models import Query

    add_page("Hội thảo khoa học")
    client.get("/tim-kiem/", {"q": "Hội  Thảo"})
    client.get("/tim-kiem/", {"q": "hội thảo"})
    assert Query.get("hội thảo").hits == 2


def test_promoted_result_comes_first(client, add_page):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    add_page("Hội thảo khoa học về công nghệ")
    target = add_page("Trang đăng ký tham dự")
    SearchPromotion.objects.create(query=Query.get("hội thảo"), page=target, description="Đăng ký")
    response = client.get("/tim-kiem/", {"q": "hội thảo"})
    hits = response.context["results"].object_list
    assert hits[0].title == "Trang đăng ký tham dự"
    assert hits[0].pinned == "promoted"
    assert "Đề xuất" in response.content.decode()
    assert "2 kết quả" in response.content.decode()
    # Typed without accents, the same promotion shows.
    hits = client.get("/tim-kiem/", {"q": "hoi thao"}).context["results"].object_list
    assert hits and hits[0].title == "Trang đăng ký tham dự"
