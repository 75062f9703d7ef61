"""portal/routing.py finds exactly the page (and sub-route) Wagtail's own tree walk finds, in two
queries whatever the depth, and leaves view restrictions to Wagtail wherever one applies."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from portal import routing


@pytest.fixture
def tree(news_index, union_category):
    published = NewsArticlePageFactory(parent=news_index, slug="da-dang", category=union_category)
    draft = NewsArticlePageFactory(
        parent=news_index, slug="ban-nhap", category=union_category, publish=False
    )
    # A section that is not live, with a live article under it: Wagtail still routes to it.
    hidden = NewsIndexPageFactory(parent=news_index.get_parent(), slug="an", title="Ẩn")
    hidden.unpublish()
    under_hidden = NewsArticlePageFactory(parent=hidden, slug="con", category=union_category)
    private = NewsIndexPageFactory(parent=news_index.get_parent(), slug="noi-bo", title="Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    secret = NewsArticlePageFactory(parent=private, slug="mat", category=union_category)
    return {"published": published, "draft": draft, "child": under_hidden, "secret": secret}


PATHS = [
    "/",
    "/tin-tuc/",
    "/tin-tuc/da-dang/",
    "/tin-tuc/ban-nhap/",
    "/tin-tuc/khong-co/",
    "/tin-tuc/da-dang/thua/",
    "/tin-tuc/chuyen-muc/hoat-dong-cong-doan/",
    "/tin-tuc/the/nghi-quyet/",
    "/tin-tuc/2024/03/",
    "/tin-tuc/rss/",
    "/an/",
    "/an/con/",
    "/an/rss/",
    "/noi-bo/",
    "/noi-bo/mat/",
    "/khong-co/",
    "/khong-co/gi/",
]


def _answer(result):
    if result is None:
        return None
    page, args, kwargs = result
    view = args[0].__name__ if args else None
    return (page.pk, type(page), view, args[1:] if args else (), kwargs)


@pytest.mark.django_db
def test_routes_as_wagtail_does(tree):
    """Every path of PATHS (one tree for all: building it is most of the test); each path that
    differs is named with both answers."""
    differ = {}
    for path in PATHS:
        wagtail = _answer(Page.route_for_request(RequestFactory().get(path), path))
        ours = _answer(routing.route_for_request(RequestFactory().get(path), path))
        if ours != wagtail:
            differ[path] = {"ours": ours, "wagtail": wagtail}
    assert differ == {}


@pytest.mark.django_db
def test_a_deep_page_costs_two_queries(tree, django_assert_num_queries):
    request = RequestFactory().get("/an/con/")
    # As Wagtail's Site.find_for_request leaves it (the root page read with the site).
    request._wagtail_site = Site.objects.select_related("root_page").get(is_default_site=True)
    with django_assert_num_queries(2):
        result = routing.route_for_request(request, "/an/con/")
    assert result.page.pk == tree["child"].pk
    assert [a.slug for a in result.page.routed_ancestors][-1] == "an"


@pytest.mark.django_db
def test_restrictions_still_apply(client, tree):
    response = client.get("/noi-bo/mat/")
    assert response.status_code == 302
    assert "/noi-bo/mat/" in response["Location"]
    assert client.get("/tin-tuc/da-dang/").status_code == 200
    assert client.get("/tin-tuc/ban-nhap/").status_code == 404


@pytest.mark.django_db
def test_a_public_pages_restrictions_are_an_empty_queryset_that_runs_no_query(
    tree, django_assert_num_queries
):
    page = tree["published"]
    routing.unrestricted(page)
    with django_assert_num_queries(0):
        restrictions = page.get_view_restrictions()
        assert list(restrictions) == []
        assert list(restrictions.values_list("pk", flat=True)) == []
        assert not restrictions.filter(restriction_type="login").exists()
    known = PageViewRestriction.objects.create(page=tree["secret"], restriction_type="password")
    routing.unrestricted(page, [known.pk])
    assert list(page.get_view_restrictions()) == [known]
