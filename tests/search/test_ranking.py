"""Ranking rules, document numbers, promoted results and the query budget, on real page types."""

import pytest
from django.db import connection

from search.ranking import RANK_WINDOW, REMEMBERED_HITS

pytestmark = pytest.mark.django_db

BUDGET = 11


def hit_titles(client, query, **params):
    response = client.get("/tim-kiem/", {"q": query, **params})
    assert response.status_code == 200
    return [hit.title for hit in response.context["results"].object_list]


def test_title_match_ranks_above_body_matches(client, add_article):
    # Several articles mention the words, repeatedly, only in their text...
    for i in range(4):
        add_article(f"Tin vắn số {i}", lead="Lục bình trôi. Lục bình nở tím. Lục bình ven sông.")
    # ...and one has them in its title, created last so the id cannot explain the order.
    add_article("Lục bình nở tím sông quê", lead="Ảnh đẹp mùa nước nổi.")
    for query in ("luc binh", "lục bình", "LỤC BÌNH"):
        found = hit_titles(client, query)
        assert len(found) == 5
        assert found[0] == "Lục bình nở tím sông quê", query


def test_own_accents_rank_above_folded_only_matches(client, add_article):
    add_article("Hoa đào Nhật Tân vào xuân")
    add_article("Con dao nhỏ của người thợ")
    add_article("Trang trại dạo chơi cuối tuần")  # "dạo" also folds to "dao"
    assert hit_titles(client, "đào")[0] == "Hoa đào Nhật Tân vào xuân"
    assert hit_titles(client, "dao")[:0] == []  # unaccented: all three, no accent preference
    assert set(hit_titles(client, "dao")) >= {
        "Hoa đào Nhật Tân vào xuân",
        "Con dao nhỏ của người thợ",
        "Trang trại dạo chơi cuối tuần",
    }
    assert hit_titles(client, "dạo")[0] == "Trang trại dạo chơi cuối tuần"


def test_document_number_puts_that_resolution_first(client, demo):
    from resolutions.models import ResolutionPage

    resolution = ResolutionPage.objects.get(number="02-NQ/TW")
    for query in ("02-NQ/TW", "02-nq/tw", "02 NQ TW", "nghị quyết 02"):
        response = client.get("/tim-kiem/", {"q": query})
        first = response.context["results"].object_list[0]
        assert first.obj.pk == resolution.pk, query
        # "nghị quyết 02" is also a demo promoted query: the same page, pinned once.
        assert first.pinned == ("promoted" if query == "nghị quyết 02" else "number")
    # The pinned hit is not listed a second time.
    response = client.get("/tim-kiem/", {"q": "02-NQ/TW"})
    assert [h.obj.pk for h in response.context["results"].object_list].count(resolution.pk) == 1


def test_draft_and_private_article_never_found(client, add_article, add_page):
    from wagtail.models import PageViewRestriction

    add_article("Kết quả hội thao công khai")
    add_article("Kết quả hội thao bản nháp", live=False)
    private = add_article("Kết quả hội thao nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    for query in ("hoi thao", "hội thao"):
        found = hit_titles(client, query)
        assert "Kết quả hội thao công khai" in found
        assert "Kết quả hội thao bản nháp" not in found
        assert "Kết quả hội thao nội bộ" not in found
    titles = [
        i["title"] for i in client.get("/tim-kiem/goi-y/", {"q": "ket qua hoi"}).json()["results"]
    ]
    assert "Kết quả hội thao công khai" in titles
    assert not {"Kết quả hội thao bản nháp", "Kết quả hội thao nội bộ"} & set(titles)


def test_demo_promotions(client, demo):
    from wagtail.contrib.search_promotions.models import SearchPromotion

    promotion = SearchPromotion.objects.select_related("query", "page").first()
    first = client.get("/tim-kiem/", {"q": promotion.query.query_string}).context["results"][0]
    assert first.pinned == "promoted"
    assert first.obj.pk == promotion.page.pk


# More hits than the ranking window and the remembered first pages (search/ranking.py), so the
# last page is past both (it was 100: each article is a page saved and indexed, 12 s of this
# test on PostgreSQL).
@pytest.mark.parametrize("count", [5, max(RANK_WINDOW, REMEMBERED_HITS) + 10])
def test_query_count_does_not_grow_with_results(client, demo, count, django_assert_max_num_queries):
    from news.factories import NewsArticlePageFactory
    from news.models import NewsArticlePage, NewsIndexPage

    index = NewsIndexPage.objects.first()
    category = NewsArticlePage.objects.first().category
    # Added live, without a revision (a third of a publish's cost): a hit shows the same title,
    # lead and date (set when a live article is saved) as after a publish.
    for i in range(count):
        NewsArticlePageFactory(
            parent=index,
            title=f"Hội thao ngành giáo dục số {i}",
            lead="Kết quả thi đấu.",
            category=category,
            publish=None,
            live=True,
        )
    client.get("/tim-kiem/", {"q": "hoi thao"})  # warm per-process caches (content types)
    # At most: the site with its branding; promoted queries; view restrictions; the candidates'
    # bound; facet counts per type; the ranking window (its pages read with it); the hits' pages
    # with their stored summaries (search/summaries.py); the query log (one UPDATE, or Wagtail's
    # get_or_create the first time). Headroom: the ranking and rows of an opted-in model
    # (Partner), counted with them. A repeated search runs far fewer (remembered results:
    # test_remembered_results.py). 18 before hits read their summaries.
    with django_assert_max_num_queries(BUDGET):
        response = client.get("/tim-kiem/", {"q": "hoi thao"})
    assert response.context["total"] >= count
    last = (response.context["total"] + 9) // 10
    with django_assert_max_num_queries(BUDGET):
        assert client.get("/tim-kiem/", {"q": "hoi thao", "page": last}).status_code == 200


def test_demo_promotions_are_idempotent(demo):
    from django.core.management import call_command
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    before = (SearchPromotion.objects.count(), Query.objects.count())
    assert before[0] == 2  # "nghị quyết 02" and "đăng ký": both pages are in the demo
    call_command("load_demo_content", stdout=open("/dev/null", "w"))
    assert (SearchPromotion.objects.count(), Query.objects.count()) == before


def test_dang_ky_typed_without_accents_shows_the_sign_up_page_first(client, demo):
    first = client.get("/tim-kiem/", {"q": "dang ky"}).context["results"][0]
    assert first.pinned == "promoted"
    assert first.title == "Đăng ký gia nhập Công đoàn"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL only: run with DATABASE_URL=postgres://…"
)
def test_title_match_first_with_more_hits_than_ranking_candidates(client, add_article, monkeypatch):
    """PostgreSQL gives the full score to RANK_CANDIDATES hits only (the best by title score):
    with more hits than that, title matches still come first, and paging through the results
    shows every hit exactly once."""
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from search import postgres_backend

    monkeypatch.setattr(postgres_backend, "RANK_CANDIDATES", 4)
    titles = [add_article(f"Lục bình số {i}").pk for i in range(3)]
    bodies = [
        add_article(f"Tin vắn {i}", lead="Lục bình trôi. Lục bình nở tím. " * (i + 1)).pk
        for i in range(8)
    ]
    results = get_search_backend().search("luc binh", Page.objects.live())
    assert results.count() == 11
    assert set(titles) <= {p.pk for p in results[:4]}
    sliced = [p.pk for p in results[:3]] + [p.pk for p in results[3:7]]
    sliced += [p.pk for p in results[7:]]
    assert sorted(sliced) == sorted(titles + bodies)
    assert [p.pk for p in results[:11]] == sliced

    found = hit_titles(client, "lục bình")
    assert set(found[:3]) == {f"Lục bình số {i}" for i in range(3)}
    assert len(found) == 10 and hit_titles(client, "lục bình", page=2)[0] not in found


def test_restricted_pages_among_the_best_matches_are_skipped_not_shown(client, add_page):
    """SQLite checks a slice's pages against the live, public ones after ranking (the best
    candidates and a few more, search.sqlite_backend.CHECKED_SLACK), and checks every candidate
    when those hold too few: with more restricted pages than that among the best, every public
    match is still listed, once, and no restricted one."""
    from wagtail.models import PageViewRestriction

    section = add_page("Khu nội bộ")
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="x")
    for n in range(70):  # short titles: the best matches
        add_page(f"Hội thao {n}", parent=section, revision=False)
    public = {
        add_page(f"Kết quả hội thao cấp cơ sở năm 2024 tại Hà Nội, đợt {n}", revision=False).title
        for n in range(25)
    }
    shown = []
    for page in (1, 2, 3):
        shown += hit_titles(client, "hoi thao", page=page)
    assert len(shown) == len(public) and set(shown) == public
