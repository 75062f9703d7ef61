"""home/site_lookup.py finds the Site Wagtail's `Site.find_for_request` finds, with its branding
in the same query."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from home.models import SiteBranding
from home.site_lookup import find_site

pytestmark = pytest.mark.django_db


def wagtails(host):
    return Site.find_for_request(RequestFactory().get("/", HTTP_HOST=host))


def ours(host):
    return find_site(RequestFactory().get("/", HTTP_HOST=host))


def test_the_same_site_as_wagtail_for_every_rule(home_page, settings):
    settings.ALLOWED_HOSTS = ["*"]
    default = Site.objects.get(is_default_site=True)
    other_root = Page.get_first_root_node().add_child(instance=Page(title="Tỉnh", slug="tinh"))
    Site.objects.create(hostname="tinh.example", port=80, root_page=other_root)
    Site.objects.create(hostname="tinh.example", port=8080, root_page=other_root)
    Site.objects.create(hostname="mot.example", port=8000, root_page=other_root)
    Site.objects.create(hostname=default.hostname, port=8443, root_page=other_root)
    hosts = [
        "tinh.example",  # hostname and port
        "tinh.example:8080",
        "tinh.example:9999",  # two with the hostname, neither the port: the default
        "mot.example",  # one other with the hostname: that one
        "khac.example",  # none: the default
        default.hostname,
        f"{default.hostname}:8443",
        f"{default.hostname}:1234",  # the default's hostname
    ]
    for host in hosts:
        assert ours(host) == wagtails(host), host
    Site.objects.filter(pk=default.pk).update(is_default_site=False)
    for host in ["khac.example", "tinh.example:9999", "mot.example"]:
        assert ours(host) == wagtails(host), host


def test_the_branding_comes_with_the_site(home_page, django_assert_num_queries):
    default = Site.objects.get(is_default_site=True)
    assert ours(default.hostname).branding_row is None  # no row yet
    SiteBranding.for_site(default)
    with django_assert_num_queries(1):
        site = ours(default.hostname)
        assert site.branding_row.name_vi and site.root_page.pk == home_page.pk
        assert site.branding_row.logo is None
