"""The home page's news section fills from the news app."""

import re

import pytest

from .conftest import vn

pytestmark = pytest.mark.django_db


def test_home_shows_the_lead_article_with_its_photo_and_a_list(client, make_article, image):
    make_article("Tin không ảnh mới nhất", published_at=vn(2024, 3, 22))
    make_article("Tin có ảnh", published_at=vn(2024, 3, 21), hero_image=image)
    for day in range(1, 10):
        make_article(f"Tin cũ ngày {day}", published_at=vn(2024, 1, day))
    html = client.get("/").content.decode()
    section = re.search(r'<section class="section container news-home".*?</section>', html, re.S)[0]
    lead = re.search(r'<div class="news-home__lead">.*?</article>', section, re.S)[0]
    assert "Tin có ảnh" in lead and "<picture>" in lead
    assert 'loading="lazy"' in lead
    listing = re.search(r'<ul class="news-home__list">.*?</ul>', section, re.S)[0]
    assert listing.index("Tin không ảnh mới nhất") < listing.index("Tin cũ ngày 9")
    assert "Tin cũ ngày 1<" not in section  # bounded list
    assert 'href="/tin-tuc/"' in section


def test_home_news_section_query_count_is_bounded(
    client, make_article, image, django_assert_max_num_queries
):
    from news.home import latest_news

    for day in range(1, 15):
        make_article(f"Tin {day}", published_at=vn(2024, 2, day), hero_image=image)
    client.get("/")
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page.specific
    # the view-restriction check of .public(), the articles with category and photo joined,
    # the photos' renditions, and the site root paths for URLs (a real request has read them
    # already while routing; this bare request has not)
    with django_assert_max_num_queries(4):
        context = latest_news(request, home)
        assert len(context["latest_news"]) == 7
