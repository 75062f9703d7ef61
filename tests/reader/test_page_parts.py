"""Small parts a reader notices: the partner logo strip has a heading, the three demo campaigns
have pictures of their own, the header logo is a small file."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_the_partner_strip_has_a_heading_everywhere(site_crawl):
    strips = 0
    for url, _status, html in site_crawl.html_pages():
        soup = BeautifulSoup(html, "html.parser")
        for strip in soup.select(".partner-strip"):
            strips += 1
            heading = strip.find(["h2", "h3"])
            assert heading is not None and heading.get_text(strip=True), url
    assert strips > 10


def test_each_demo_campaign_has_its_own_picture(demo_site):
    from campaigns.models import CampaignPage

    campaigns = list(CampaignPage.objects.live())
    assert len(campaigns) == 3
    images = {campaign.hero_image_id for campaign in campaigns}
    assert len(images) == 3
    pictures = {
        campaign.hero_image.get_rendition("fill-64x36").file.read() for campaign in campaigns
    }
    assert len(pictures) == 3


def test_the_header_logo_is_small(demo_site, client, settings):
    import os

    html = client.get("/").content.decode()
    logo = BeautifulSoup(html, "html.parser").select_one("img.brand__logo")
    assert logo["src"].endswith(".webp")
    path = os.path.join(settings.MEDIA_ROOT, logo["src"].removeprefix(settings.MEDIA_URL))
    assert os.path.getsize(path) < 5000
