"""Every user-supplied string comes back escaped: public forms, and content typed in the admin.

The browser test `tests/browser/test_xss.py` loads the same payloads in Chromium and checks that
nothing runs; these tests check the HTML itself on both databases.
"""

import html as html_lib
import json
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone
from wagtail.models import Page

from tests.public_pages import page_html

PAYLOAD = '"><script>window.__xss=1</script><img src=x onerror="window.__xss=1">'


class PayloadFinder(HTMLParser):
    """Parses a page like a browser would and notes every place where the payload became
    markup: a script whose text sets `__xss`, any event-handler attribute or `javascript:` URL
    that mentions it, or the `<img src=x>` element itself."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._in_script = False
        self._json_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        self._json_script = tag == "script" and ("type", "application/ld+json") in attrs
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "__xss" in value:
                self.found.append(f"<{tag} {name}=...>")
            if "javascript:" in value.replace(" ", "").lower() and "__xss" in value:
                self.found.append(f"<{tag} {name}=javascript:...>")
        if tag == "img" and ("src", "x") in attrs:
            self.found.append("<img src=x>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and self._json_script:
            # Structured data may quote the title; it must stay one valid JSON document (a raw
            # `</script>` inside would end the element early and break it).
            try:
                json.loads(data)
            except ValueError:
                self.found.append("<script type=application/ld+json> broken by the payload")
        elif self._in_script and "__xss" in data:
            self.found.append("<script>…__xss…</script>")


def assert_no_raw_payload(html, where):
    finder = PayloadFinder()
    finder.feed(html)
    assert not finder.found, f"the payload became markup in {where}: {finder.found}"


def get_form_fields(html, method="get"):
    """The field names of the page's filter form (a GET form inside main)."""
    main = html.split('id="main"', 1)[-1]
    names = []
    for form in re.findall(
        rf'<form[^>]*method="{method}"[^>]*>(.*?)</form>', main, flags=re.S | re.I
    ):
        names += re.findall(r'<(?:input|select|textarea)[^>]*\sname="([^"]+)"', form)
    return [name for name in dict.fromkeys(names) if name != "csrfmiddlewaretoken"]


@pytest.mark.django_db
def test_search_box_echoes_the_query_escaped(client, demo_content):
    html = page_html(client, "/tim-kiem/", {"q": PAYLOAD})
    assert_no_raw_payload(html, "search results")
    # The query is shown back to the reader (in the box and/or the heading), escaped.
    assert html_lib.escape(PAYLOAD, quote=True) in html or "&lt;script&gt;" in html


@pytest.mark.django_db
def test_autocomplete_answers_json_not_html(client, demo_content):
    response = client.get("/tim-kiem/goi-y/", {"q": PAYLOAD})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_not_found_page_does_not_echo_the_path_raw(client, home_page):
    response = client.get("/" + PAYLOAD.replace('"', "%22") + "/")
    assert response.status_code == 404
    assert_no_raw_payload(response.content.decode(), "404 page")


def listing_url(model_path):
    from django.apps import apps

    model = apps.get_model(model_path)
    page = model.objects.live().first()
    assert page is not None, f"the demo content has no {model_path}"
    return page.url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model_path",
    ["resolutions.DocumentLibraryPage", "campaigns.PartnerProgramPage"],
    ids=["document-library", "partner-directory"],
)
def test_listing_filters_echo_input_escaped(client, demo_content, model_path):
    url = listing_url(model_path)
    page_html = client.get(url).content.decode()
    fields = get_form_fields(page_html)
    assert len(fields) >= 2, f"no filter form found on {url}"
    for name in fields:
        response = client.get(url, {name: PAYLOAD})
        assert response.status_code in {200, 400}, (name, response.status_code)
        assert_no_raw_payload(response.content.decode(), f"{url}?{name}=")
    # All at once, too.
    response = client.get(url, dict.fromkeys(fields, PAYLOAD))
    assert_no_raw_payload(response.content.decode(), f"{url} with every filter")


def signup_url():
    from campaigns.models import SignupPage

    page = SignupPage.objects.live().first()
    assert page is not None, "the demo content has no sign-up page"
    return page.url


def signup_data(**overrides):
    from campaigns.registry.forms import SignupForm, new_form_token

    started = new_form_token(issued=(timezone.now() - timedelta(seconds=30)).timestamp())
    data = {
        "form-name": SignupForm.form_name,
        "started": started,
        "full_name": PAYLOAD,
        "date_of_birth": PAYLOAD,
        "phone": PAYLOAD,
        "email": PAYLOAD,
        "province": PAYLOAD,
        "commune": PAYLOAD,
        "workplace": PAYLOAD,
        "occupation": PAYLOAD,
        "grassroots_union": PAYLOAD,
        "nationality": PAYLOAD,
        "nationality_other": PAYLOAD,
        "sex": PAYLOAD,
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_signup_form_shows_invalid_input_back_escaped(client, demo_content):
    url = signup_url()
    response = client.post(url, signup_data())
    assert response.status_code in {200, 400}
    html = response.content.decode()
    assert_no_raw_payload(html, "sign-up form with errors")
    assert "Vui lòng" in html  # Vietnamese errors next to the fields
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html  # the input is kept


@pytest.mark.django_db
def test_a_registration_with_a_payload_name_is_escaped_in_the_admin(
    client, admin_client, demo_content
):
    from django.urls import reverse

    from campaigns.registry.models import MemberSignup
    from tests.campaigns.registry_helpers import form_data

    response = client.post(
        signup_url(),
        # Names accept letters only; the free-text fields take anything.
        form_data(
            workplace="Trường THCS " + PAYLOAD,
            occupation=PAYLOAD[:100],
            grassroots_union=PAYLOAD,
            commune=PAYLOAD[:100],
        ),
    )
    assert response.status_code in {200, 302, 303}
    signup = MemberSignup.objects.order_by("-pk").first()
    assert signup is not None, response.context and response.context.get("signup_form").errors
    assert "<script>" in signup.workplace  # kept as typed; escaped on output
    for admin_url in [
        reverse("registry_membersignup:index"),
        reverse("registry_membersignup:inspect", args=[signup.pk]),
        reverse("registry_membersignup:edit", args=[signup.pk]),
    ]:
        page = admin_client.get(admin_url)
        assert page.status_code == 200, admin_url
        assert_no_raw_payload(page.content.decode(), admin_url)


@pytest.mark.django_db
def test_page_title_and_rich_text_from_the_admin_are_escaped(admin_client, demo_content, client):
    """An editor types the payload as a title, lead and in the rich text editor, and publishes:
    the editor's HTML whitelist drops tags, and every string comes out escaped."""
    from django.urls import reverse

    from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
    from tests.news.admin_forms import article_form_data

    news_index = NewsIndexPage.objects.live().first()
    data = article_form_data(
        NewsCategory.objects.order_by("pk").first().pk,
        title=PAYLOAD,
        body_html=(
            f"<p>Đoạn văn {html_lib.escape(PAYLOAD)}</p>"
            "<script>window.__xss=1</script>"
            '<p><a href="javascript:window.__xss=1">liên kết</a></p>'
        ),
        slug="bai-kiem-tra-qua-quan-tri",
        lead=PAYLOAD,
        byline=PAYLOAD,
        publish=True,
    )
    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk)), data
    )
    assert response.status_code == 302, response.context["form"].errors
    article = NewsArticlePage.objects.live().get(slug="bai-kiem-tra-qua-quan-tri")
    assert article.title == PAYLOAD

    html = client.get(article.url).content.decode()
    assert_no_raw_payload(html, "the article")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "javascript:" not in html
    for url in ["/", news_index.url, "/tim-kiem/?q=script", news_index.url + "rss/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_raw_payload(response.content.decode(), url)


@pytest.mark.django_db
def test_titles_from_the_database_are_escaped_everywhere(client, demo_content):
    """Titles saved by any means (import, API, ORM) are escaped on every page that lists them."""
    touched = []
    for page in Page.objects.live().filter(depth__gt=2).specific().order_by("path")[:40]:
        page.title = f"Tiêu đề {PAYLOAD}"
        if hasattr(page, "lead"):
            page.lead = PAYLOAD
        page.save_revision().publish()
        touched.append(page)
    assert touched
    for page in touched[:15] + [Page.objects.get(depth=2).specific]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert_no_raw_payload(response.content.decode(), page.url)
    response = client.get("/tim-kiem/", {"q": "tieu de"})
    assert_no_raw_payload(response.content.decode(), "search results")


@pytest.mark.db_independent
def test_the_payload_finder_catches_unescaped_output():
    """The check above would see a real injection (so its passing means something)."""
    for raw in [
        f"<p>{PAYLOAD}</p>",
        '<input value="" onfocus="window.__xss=1">',
        '<script type="application/ld+json">{"name": "</script><script>window.__xss=1</script>"}',
    ]:
        finder = PayloadFinder()
        finder.feed(raw)
        assert finder.found, raw
    finder = PayloadFinder()
    finder.feed(f"<p>{html_lib.escape(PAYLOAD)}</p>")
    assert not finder.found
