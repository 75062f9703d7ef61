"""Vietnamese typed any way finds the same demo content, on SQLite and PostgreSQL alike."""

import unicodedata

import pytest

pytestmark = pytest.mark.django_db


def titles(client, query, **params):
    response = client.get("/tim-kiem/", {"q": query, **params})
    assert response.status_code == 200
    return [hit.title for hit in response.context["results"].object_list]


def all_titles(client, query):
    found, number = [], 1
    while True:
        response = client.get("/tim-kiem/", {"q": query, "page": number})
        if response.status_code == 404:
            return found
        found += [hit.title for hit in response.context["results"].object_list]
        number += 1


MILLION = "Năm 2024 phấn đấu kết nạp thêm một triệu đoàn viên công đoàn"


def test_cong_doan_typed_every_way_finds_the_same_pages(client, demo):
    reference = sorted(all_titles(client, "công đoàn"))
    assert MILLION in reference
    for query in (
        "cong doan",
        "Cong Doan",
        "CÔNG ĐOÀN",
        "CONG DOAN",
        unicodedata.normalize("NFD", "công đoàn"),
        unicodedata.normalize("NFD", "CÔNG ĐOÀN"),
    ):
        assert sorted(all_titles(client, query)) == reference, query


def test_dai_hoi_xiii_without_accents(client, demo):
    found = all_titles(client, "dai hoi xiii")
    assert found
    assert any("XIII" in title for title in found)
    assert sorted(found) == sorted(all_titles(client, "Đại hội XIII"))


def test_15_trieu_doan_vien_finds_the_article_about_15_million_members(client, demo):
    assert MILLION in all_titles(client, "15 trieu doan vien")


def test_d_folds_to_d(client, add_article):
    add_article("Đổi mới đào tạo cán bộ", lead="Tin ngắn.")
    assert "Đổi mới đào tạo cán bộ" in titles(client, "doi moi dao tao")
    assert "Đổi mới đào tạo cán bộ" in titles(client, "ĐỔI MỚI")


def test_matches_are_highlighted_in_title_for_an_unaccented_query(client, demo):
    html = client.get("/tim-kiem/", {"q": "trieu doan vien"}).content.decode()
    assert "<mark>triệu</mark> <mark>đoàn</mark> <mark>viên</mark>" in html


def test_autocomplete_folds_like_the_search(client, demo):
    for query in ("nam 2024 phan", "NĂM 2024 PHẤN", unicodedata.normalize("NFD", "năm 2024 phấn")):
        data = client.get("/tim-kiem/goi-y/", {"q": query}).json()
        assert MILLION in [item["title"] for item in data["results"]], query
        assert all(item["url"].startswith("/") for item in data["results"])


def test_autocomplete_ignores_one_letter(client, demo):
    assert client.get("/tim-kiem/goi-y/", {"q": "c"}).json()["results"] == []


def test_type_filters_show_counts_and_filter(client, demo):
    response = client.get("/tim-kiem/", {"q": "cong doan"})
    types = {t.key: t for t in response.context["types"]}
    assert "news.newsarticlepage" in types
    html = response.content.decode()
    article_type = types["news.newsarticlepage"]
    count_html = f'{article_type.label} <span class="search-types__count">({article_type.count})'
    assert count_html in html
    assert sum(t.count for t in types.values()) == response.context["total"]

    filtered = client.get("/tim-kiem/", {"q": "cong doan", "loai": "news.newsarticlepage"})
    hits = filtered.context["results"].object_list
    assert hits and all(hit.type_key == "news.newsarticlepage" for hit in hits)
    assert filtered.context["total"] == article_type.count
    # An unknown type is ignored rather than an error.
    assert client.get("/tim-kiem/", {"q": "cong doan", "loai": "x.y"}).status_code == 200


def test_elasticsearch_document_of_a_demo_article_carries_folded_text(demo):
    """Offline: the document Wagtail would send to Elasticsearch (no server needed)."""
    from news.models import NewsArticlePage
    from search.es_settings import elasticsearch_backend
    from tests.search.test_backends import server_backend

    article = NewsArticlePage.objects.get(title=MILLION)
    mapping = server_backend(elasticsearch_backend).mapping_class(NewsArticlePage)
    document = mapping.get_document(article)
    assert document["title"].startswith(MILLION)
    assert "mot trieu doan vien cong doan" in document["title"]
    assert "15 trieu doan vien" in document["news_newsarticlepage__get_folded_body"]
    assert "nam 2024 phan dau ket nap them mot trieu doan vien cong doan" in document["_edgengrams"]


def test_partners_are_found_folded_and_drafts_never(client, demo):
    from campaigns.models import Partner

    live = Partner.objects.filter(live=True).first()
    response = client.get("/tim-kiem/", {"q": "sieu thi mau"})
    hits = response.context["results"].object_list
    partner_hits = [hit for hit in hits if isinstance(hit.obj, Partner)]
    assert partner_hits, "a live partner is found by its folded name"
    assert all(hit.obj.live for hit in partner_hits)
    assert all(hit.url and "/doi-tac/" in hit.url for hit in partner_hits)
    assert "campaigns.partner" in {t.key for t in response.context["types"]}
    for draft in Partner.objects.filter(live=False):
        found = client.get("/tim-kiem/", {"q": draft.name}).context["results"].object_list
        assert draft.pk not in [hit.obj.pk for hit in found if isinstance(hit.obj, Partner)]
    filtered = client.get("/tim-kiem/", {"q": fold_name(live.name), "loai": "campaigns.partner"})
    assert filtered.context["results"].object_list
    assert all(isinstance(hit.obj, Partner) for hit in filtered.context["results"].object_list)


def fold_name(name):
    from search.text import fold

    return fold(name)
