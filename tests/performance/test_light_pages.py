"""Light pages: the home page's weight, no third-party requests, images sized and lazy."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.utils.module_loading import import_string
from whitenoise.storage import CompressedManifestStaticFilesStorage

from portal.storage import StaticFilesStorage

pytestmark = pytest.mark.django_db

ASSET_RE = re.compile(r'<link rel="stylesheet" href="([^"]+)"|<script[^>]+src="([^"]+)"')
IMG_RE = re.compile(r"<img\b[^>]*>")


def local_assets(html):
    urls = [a or b for a, b in ASSET_RE.findall(html)]
    third_party = [u for u in urls if u.startswith(("http:", "https:", "//"))]
    return [u for u in urls if u not in third_party], third_party


def test_home_page_html_css_js_under_100_kb_without_third_party_requests(client, demo_content):
    html = client.get("/").content.decode()
    assets, third_party = local_assets(html)
    assert third_party == []
    total = len(html.encode())
    for url in assets:
        path = finders.find(url.removeprefix("/static/"))
        assert path, url
        with open(path, "rb") as handle:
            total += len(handle.read())
    assert total < 100 * 1024, f"home page is {total / 1024:.1f} KB of HTML+CSS+JS"
    # Scripts never block rendering.
    for tag in re.findall(r"<script[^>]+src=[^>]*>", html):
        assert " defer" in tag or " async" in tag or 'type="module"' in tag, tag
    assert "fonts.googleapis.com" not in html


@pytest.mark.parametrize("path", ["/", "/tin-tuc/"])
def test_images_have_dimensions_and_below_the_fold_ones_load_lazily(client, demo_content, path):
    response = client.get(path)
    if response.status_code == 404:
        pytest.skip(f"{path} is not part of the demo content yet")
    images = IMG_RE.findall(response.content.decode())
    for tag in images:
        assert re.search(r'\bwidth="\d+"', tag) and re.search(r'\bheight="\d+"', tag), tag
    # The header logo and at most one hero image may load eagerly; everything else is lazy.
    eager = [tag for tag in images if 'loading="lazy"' not in tag]
    assert len(eager) <= 2, eager


def test_production_serves_hashed_compressed_static_files_for_a_year(monkeypatch):
    import importlib

    monkeypatch.setenv("SECRET_KEY", "only-for-this-test")
    production = importlib.import_module("portal.settings.production")

    storage = import_string(production.STORAGES["staticfiles"]["BACKEND"])
    assert issubclass(storage, CompressedManifestStaticFilesStorage)
    assert production.WHITENOISE_MAX_AGE >= 60 * 60 * 24 * 365


def test_static_urls_are_the_hashed_ones_and_a_missing_file_still_fails(tmp_path):
    """The production storage remembers each URL; it gives what WhiteNoise's gives, and a name
    missing from the manifest is still an error (never a remembered unhashed URL)."""
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "a.css").write_text("body { color: red }")
    manifest = tmp_path / "staticfiles.json"
    manifest.write_text('{"paths": {"css/a.css": "css/a.0123456789ab.css"}, "version": "1.1"}')
    remembered = StaticFilesStorage(location=tmp_path, base_url="/static/")
    plain = CompressedManifestStaticFilesStorage(location=tmp_path, base_url="/static/")

    assert remembered.url("css/a.css") == plain.url("css/a.css") == "/static/css/a.0123456789ab.css"
    assert remembered.url("css/a.css") == "/static/css/a.0123456789ab.css"
    for _ in range(2):
        with pytest.raises(ValueError):
            remembered.url("css/missing.css")
