"""What an admin screen shows in words, and which of those words are Wagtail's English.

The visible text of a screen: text nodes (script and style left out), the attributes a reader sees
or hears (placeholder, title, aria-label, alt, button values, tooltips), and the strings of the
JSON the admin's scripts render (the sidebar, the page explorer). A piece of it that is one of
Wagtail's English msgids (from Wagtail's own `locale/en` catalogues, not a hand list) was left
untranslated.
"""

import json
import re
from functools import cache
from html.parser import HTMLParser

from editorial.catalogues import english_msgids

VISIBLE_ATTRIBUTES = {
    "placeholder",
    "title",
    "aria-label",
    "alt",
    "data-w-tooltip-content-value",
    "data-w-dropdown-content-value",
}
# English msgids of Wagtail that are the same words in Vietnamese, or names: their presence is not
# a missing translation. Each is in the project catalogue with the same msgstr or has none because
# the glossary keeps the word (docs/glossary.md).
ALLOWED = {
    "Email": "email is the glossary's Vietnamese word",
    "ID": "an identifier's name, kept by the glossary",
    "URL": "kept by the glossary",
    "Wagtail": "the product's name",
    "Wagtail API v2": "a product name",
    "Wagtail API v3": "a product name",
    "None": "Python's None printed by Wagtail 8.0.1's templates for an empty value (the hidden "
    "side-panel counter, the aging-pages report's publisher of a page published by no user), "
    "not a message",
}
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdfr]|%[sdfr]|\{[a-z_0-9]*\}")


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces = []
        self._skip = 0
        self._json = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._skip += 1
            self._json = "json" in (attrs.get("type") or "")
            return
        if tag == "style":
            self._skip += 1
            return
        for name, value in attrs.items():
            if value and (
                name in VISIBLE_ATTRIBUTES
                or (
                    tag == "input" and name == "value" and attrs.get("type") in {"submit", "button"}
                )
            ):
                self.pieces.append(value)

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1
            self._json = False

    def handle_data(self, data):
        if self._skip and self._json:
            try:
                self.pieces.extend(json_strings(json.loads(data)))
            except ValueError:
                pass
        elif not self._skip:
            self.pieces.append(data)


# Keys of the admin's JSON whose string values the scripts show as words (the others are names,
# icons, URLs and field names).
TEXT_KEYS = {
    "label",
    "title",
    "text",
    "heading",
    "footer_text",
    "helpText",
    "help_text",
    "placeholder",
    "description",
    "message",
    "errorMessage",
    "label_format",
}


def json_strings(value, key=None):
    """The words in the admin's JSON: strings under a TEXT_KEYS key, and strings in lists
    (telepath arguments) that contain a space (a phrase, never an identifier)."""
    if isinstance(value, str):
        if key in TEXT_KEYS or (key is None and " " in value.strip()):
            yield value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from json_strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item, None)


def visible_text(html):
    parser = _Text()
    parser.feed(html)
    parser.close()
    return [piece for piece in (squash(p) for p in parser.pieces) if piece]


@cache
def wagtail_english():
    """(exact msgids, one regex for the msgids with placeholders) of Wagtail's English."""
    exact, patterns = set(), []
    for message in english_msgids(("wagtail",), "django") | english_msgids(
        ("wagtail",), "djangojs"
    ):
        for text in filter(None, (message.msgid, message.plural)):
            text = squash(re.sub(r"<[^>]+>", " ", text))
            if not text or text in ALLOWED or not re.search(r"[A-Za-z]{2}", text):
                continue
            if PLACEHOLDER.search(text):
                literal = PLACEHOLDER.sub("", text)
                if len(re.findall(r"[A-Za-z]{2,}", literal)) < 2:
                    continue  # "%(count)s pages"-like: too little English to tell
                parts = [re.escape(part) for part in PLACEHOLDER.split(text)]
                patterns.append(".+?".join(parts))
            else:
                exact.add(text)
    return exact, re.compile("|".join(f"(?:{p})" for p in patterns))


def english_left(html):
    """The pieces of a screen's visible text that are Wagtail English msgids."""
    return english_pieces(visible_text(html))


def english_pieces(pieces):
    """The pieces of text (lines, labels) that are Wagtail English msgids."""
    exact, pattern = wagtail_english()
    pieces = (squash(piece) for piece in pieces)
    return sorted({piece for piece in pieces if piece in exact or pattern.fullmatch(piece)})
