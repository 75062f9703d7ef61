"""Reading a page as a visitor does, for the tests of every app."""

import json
import re

# A card's title link, as the card templates write it.
CARD_TITLE = re.compile(r'class="card__title"><a href="[^"]+">([^<]+)</a>')
# A JSON-LD block as the pages write it: with the request's CSP nonce (one without is not matched).
JSON_LD = re.compile(r'<script type="application/ld\+json" nonce="([^"]+)">(.*?)</script>', re.S)


def page_html(client, url, params=None, *, status=200):
    """The HTML `client` gets at `url` (with query `params`), after checking the status (200
    unless said)."""
    response = client.get(url, params)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def assert_shown(html, *texts):
    """Every one of `texts` is in `html`: all are checked, and a failure names each one missing
    (not the whole page, as `assert text in html` does)."""
    missing = [text for text in texts if text not in html]
    assert not missing, f"not on the page: {missing}"


def input_tag(html, name):
    """The first `<input>` tag named `name` in `html`, as written (fails when there is none)."""
    match = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html)
    assert match, f"no input named {name!r} on the page"
    return match.group(0)


def input_value(html, name):
    """The value the page gives the input named `name` (a hidden token...), as a browser would
    send it back (fails when there is none)."""
    match = re.search(rf'name="{re.escape(name)}" value="([^"]+)"', html)
    assert match, f"no input named {name!r} with a value on the page"
    return match.group(1)


def ticked(html, name):
    """Whether the checkbox named `name` comes ticked (its tag carries `checked`)."""
    return "checked" in input_tag(html, name)


def card_titles(html):
    """The titles of the cards in `html` (a listing, search results, a page's related items), in
    order."""
    return CARD_TITLE.findall(html)


def json_ld_blocks(html):
    """The page's JSON-LD blocks that carry a CSP nonce, in order, as (nonce, text as written)."""
    return JSON_LD.findall(html)


def json_ld(html):
    """The data of the page's first JSON-LD block with a CSP nonce (fails when there is none)."""
    blocks = json_ld_blocks(html)
    assert blocks, "no JSON-LD block with the CSP nonce"
    return json.loads(blocks[0][1])
