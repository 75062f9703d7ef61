"""Every page's header and footer stored as HTML with the site's chrome (home/chrome_html.py), and
its share image and logo renditions stored in it (home/chrome.py): with nothing remembered
(FRAGMENT_CACHE=0, page cache off) they follow every change they show, the header marks the menu
item of each page, never keeps a visitor's search words, and a render that read the row before a
change never stores over it."""

import json
import re
from datetime import timedelta

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Site

from campaigns.factories import PartnerFactory
from home import chrome, chrome_html
from home.factories import drawn_image_file
from home.models import SiteBranding
from menus.models import MenuItem
from tests.pages.factories import ContentPageFactory
from tests.public_pages import json_ld_blocks

pytestmark = pytest.mark.django_db


@pytest.fixture
def cold(settings):
    settings.FRAGMENT_CACHE_ENABLED = False


@pytest.fixture
def sections(home_page):
    about = ContentPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    contact = ContentPageFactory(parent=home_page, title="Liên hệ", slug="lien-he")
    MenuItem.objects.create(page=about)
    MenuItem.objects.create(page=contact)
    return about, contact


def branding():
    return SiteBranding.for_site(Site.objects.get(is_default_site=True))


def header(client, path="/"):
    html = client.get(path).content.decode()
    return html[html.index('<header class="site-header">') : html.index("</header>")]


def footer(client, path="/"):
    html = client.get(path).content.decode()
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


def current(header_html):
    """The links the menu marks as the current page (in its phone and its wide presentation)."""
    return list(dict.fromkeys(re.findall(r'<a href="([^"]*)" aria-current="page">', header_html)))


def test_each_page_gets_the_header_of_its_own_section(client, cold, sections):
    assert current(header(client, "/gioi-thieu/")) == ["/gioi-thieu/"]
    assert current(header(client, "/lien-he/")) == ["/lien-he/"]
    assert current(header(client, "/")) == ["/"]
    stored = branding().chrome["html"]
    assert len([name for name in stored if name.startswith("header|")]) == 3
    # Read from the row now: the same answers.
    assert current(header(client, "/gioi-thieu/")) == ["/gioi-thieu/"]
    assert current(header(client, "/")) == ["/"]


def test_the_branding_the_menu_and_the_logo_reach_the_stored_header_and_footer(
    client, cold, sections, image
):
    about, _ = sections
    assert "Giới thiệu" in header(client, "/lien-he/")
    row = branding()
    row.name_vi = "CÔNG ĐOÀN THỬ NGHIỆM"
    row.logo = image
    row.save()
    assert "CÔNG ĐOÀN THỬ NGHIỆM" in header(client, "/lien-he/")
    assert "CÔNG ĐOÀN THỬ NGHIỆM" in footer(client, "/lien-he/")
    assert "hoi-nghi" in header(client, "/lien-he/")

    item = MenuItem.objects.get(page=about)
    item.label = "Về chúng tôi"
    item.save()
    assert "Về chúng tôi" in header(client, "/lien-he/")

    image.file = drawn_image_file("logo-moi.png", size=(300, 300))
    image.save()
    image.renditions.all().delete()
    assert "logo-moi" in header(client, "/lien-he/") and "hoi-nghi" not in header(client, "/")


def test_the_banner_shows_and_goes_with_its_dates(client, cold, sections):
    row = branding()
    row.banner_enabled, row.banner_title = True, "Đại hội Công đoàn Việt Nam lần thứ XIII"
    row.save()
    assert "Đại hội Công đoàn Việt Nam lần thứ XIII" in client.get("/").content.decode()
    # Its last day was yesterday: gone with nothing saved since it was stored.
    SiteBranding.objects.filter(pk=row.pk).update(
        banner_show_until=timezone.localdate() - timedelta(days=1)
    )
    assert "Đại hội Công đoàn Việt Nam lần thứ XIII" not in client.get("/").content.decode()


def test_partners_reach_the_stored_footer_and_a_new_day_builds_it_again(client, cold, home_page):
    partner = PartnerFactory(name="Đối tác thứ nhất")
    assert 'alt="Đối tác thứ nhất"' in footer(client)
    PartnerFactory(name="Đối tác thứ hai")
    assert 'alt="Đối tác thứ hai"' in footer(client)
    partner.valid_to = timezone.localdate() - timedelta(days=1)
    partner.save()
    assert 'alt="Đối tác thứ nhất"' not in footer(client)

    row = branding()
    stored = row.chrome["html"]
    yesterday = {
        name.replace(timezone.localdate().isoformat(), "2000-01-01"): "<footer>cũ</footer>"
        for name in stored
        if name.startswith("footer|")
    }
    SiteBranding.objects.filter(pk=row.pk).update(chrome={**row.chrome, "html": yesterday})
    assert "Đối tác thứ hai" in footer(client)
    assert not any("2000-01-01" in name for name in branding().chrome["html"])


def test_a_visitors_search_words_are_never_stored(client, cold, sections):
    html = client.get("/tim-kiem/", {"q": "lời tìm riêng"}).content.decode()
    assert 'value="lời tìm riêng"' in html
    assert "lời tìm riêng" not in str(branding().chrome)
    assert 'value=""' in header(client, "/gioi-thieu/")


def test_a_render_that_read_before_a_change_does_not_store_over_it(rf, cold, sections):
    read = branding()  # a render reads the row ...
    chrome.chrome_of(read)
    MenuItem.objects.filter(page=sections[0]).update(label="Tên mới")
    chrome.mark_stale()  # ... a change is saved meanwhile ...
    request = RequestFactory().get("/")
    context = Context({"branding": read, "request": request})
    context.template = Template("")
    chrome_html.site_top(context)  # ... the render ends
    assert "html" not in (branding().chrome or {})


def test_a_render_holding_an_older_copy_of_the_row_keeps_what_others_stored(client, cold, sections):
    older = branding()  # e.g. remembered earlier in this generation
    chrome.chrome_of(older)
    header(client, "/gioi-thieu/")  # another render stores its header and the footer
    context = Context({"branding": older, "request": RequestFactory().get("/")})
    context.template = Template("")
    chrome_html.site_top(context)
    stored = [name.split("|")[1] for name in branding().chrome["html"] if name.startswith("header")]
    assert sorted(stored) == ["00", "10"]  # the section's and the home page's


def test_the_share_image_and_the_logo_follow_their_image(client, cold, home_page, image):
    def shown():
        html = client.get("/").content.decode()
        og = re.search(r'<meta property="og:image" content="([^"]+)">', html)
        nodes = [json.loads(text) for _nonce, text in json_ld_blocks(html)]
        org = next(node for node in nodes if node.get("@type") == "Organization")
        logo = org.get("logo", {}).get("url")
        return (og[1] if og else None), logo

    row = branding()
    row.og_image = row.logo = image
    row.save()
    og, logo = shown()
    assert "hoi-nghi" in og and "fill-1200x630" in og and og.startswith("http")
    assert "hoi-nghi" in logo
    # As the admin's image form does when a new file is uploaded.
    image.file = drawn_image_file("anh-chia-se.png", size=(1280, 720))
    image.save()
    image.renditions.all().delete()
    og, logo = shown()
    assert "anh-chia-se" in og and "anh-chia-se" in logo
    row = branding()
    row.og_image = row.logo = None
    row.save()
    assert shown() == (None, None)
