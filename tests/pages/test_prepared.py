"""portal/prepared.py: a queryset compiled once answers later calls exactly as the ORM would with
their own arguments, and a queryset it cannot reuse safely is refused, not run wrong."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from news.models import NewsArticlePage
from portal.middleware import site_for_request
from portal.prepared import Prepared

pytestmark = pytest.mark.django_db


def test_same_rows_as_the_orm_for_every_argument(demo_content):
    by_slug = Prepared(lambda slug, depth: Page.objects.filter(slug=slug, depth=depth), str, int)
    for page in Page.objects.filter(depth__gte=2):
        got = by_slug.list(page.slug, page.depth)
        assert [p.pk for p in got] == [page.pk]
        assert got[0].title == page.title and got[0].path == page.path
    assert by_slug.list("khong-co", 3) == []


def test_lists_select_related_annotations_and_converters(demo_content):
    article = NewsArticlePage.objects.live().order_by("pk").first()
    one = Prepared(
        lambda pk: NewsArticlePage.objects.filter(pk=pk).select_related("category")[:1], int
    )
    many = Prepared(lambda ids: NewsArticlePage.objects.filter(pk__in=ids).order_by("pk"), int)
    category = article.category.name
    got = one.first(article.pk)
    assert got.published_at == article.published_at  # a datetime, converted as the ORM does
    assert got.live is True
    with CaptureQueriesContext(connection) as queries:
        assert got.category.name == category
    assert len(queries) == 0  # joined
    ids = list(NewsArticlePage.objects.order_by("pk").values_list("pk", flat=True))
    assert [a.pk for a in many.list(ids)] == ids
    assert [a.pk for a in many.list(ids[:1])] == ids[:1]  # another length: its own shape
    assert many.list([]) == []


def test_a_compiled_query_runs_no_compiler_again(demo_content):
    by_pk = Prepared(lambda pk: Page.objects.filter(pk=pk), int)
    first, second = Page.objects.order_by("pk")[:2]
    by_pk.list(first.pk)
    with CaptureQueriesContext(connection) as queries:
        assert [p.pk for p in by_pk.list(second.pk)] == [second.pk]
    assert len(queries) == 1
    assert str(second.pk) in str(queries[0]["sql"])


def test_converted_arguments_and_arguments_in_the_sql_text_are_refused(demo_content):
    prefix = Prepared(lambda path: Page.objects.filter(path__startswith=path), str)
    with pytest.raises(ImproperlyConfigured):
        prefix.list("0001")  # a LIKE pattern: the argument is escaped and suffixed
    sliced = Prepared(lambda n: Page.objects.all()[:n], int)
    with pytest.raises(ImproperlyConfigured):
        sliced.list(2)  # a LIMIT is written into the SQL text
    unused = Prepared(lambda slug: Page.objects.all(), str)
    with pytest.raises(ImproperlyConfigured):
        unused.list("x")


@pytest.mark.parametrize(
    "host",
    ["localhost", "localhost:8000", "other.example", "testserver", "second.example:81"],
)
def test_the_site_of_a_request_is_wagtails(demo_content, host):
    default = Site.objects.get(is_default_site=True)
    Site.objects.create(hostname="second.example", port=81, root_page=default.root_page)
    Site.objects.create(hostname="second.example", port=82, root_page=default.root_page)
    request = RequestFactory().get("/", HTTP_HOST=host)
    port = host.partition(":")[2]
    request.META["SERVER_PORT"] = port or "80"
    assert site_for_request(request) == Site._find_for_request(request)
