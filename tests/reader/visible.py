"""What a reader sees of an HTML page: its text nodes and the attributes browsers show or read
out (not scripts, styles or JSON)."""

import re

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction

# Attributes a reader sees or hears (tooltips, alternative text, labels, button captions) and
# the page descriptions search engines and social networks show.
SHOWN_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label", "aria-description", "label")
SHOWN_META = ("description", "og:title", "og:description", "og:site_name", "twitter:title")
HIDDEN_PARENTS = {"script", "style", "template"}

TEMPLATE_SYNTAX = re.compile(r"\{#|#\}|\{%|%\}|\{\{|\}\}")
PYTHON_REPR = re.compile(
    r"\b(?:None|True|False)\b|<[^<>]* object at 0x[0-9a-fA-F]+>|\bobject at 0x"
)


def shown_strings(html):
    """Yield (where, text) for every piece of text a reader is shown."""
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.find_all(string=True):
        if isinstance(node, Comment | Declaration | Doctype | ProcessingInstruction):
            continue
        if node.parent is not None and node.parent.name in HIDDEN_PARENTS:
            continue
        text = str(node).strip()
        if text:
            yield f"<{node.parent.name}> text", text
    for tag in soup.find_all(True):
        if tag.name in HIDDEN_PARENTS:
            continue
        for attribute in SHOWN_ATTRIBUTES:
            if tag.has_attr(attribute):
                yield f"<{tag.name} {attribute}>", str(tag[attribute])
        if tag.name == "input" and tag.get("type") in ("submit", "button", "reset"):
            yield "<input value>", str(tag.get("value", ""))
        if tag.name == "meta" and (tag.get("name") or tag.get("property")) in SHOWN_META:
            yield f"<meta {tag.get('name') or tag.get('property')}>", str(tag.get("content", ""))


def leaks(html):
    """Template syntax or Python reprs in what a reader is shown: (where, excerpt) pairs."""
    found = []
    for where, text in shown_strings(html):
        for pattern in (TEMPLATE_SYNTAX, PYTHON_REPR):
            match = pattern.search(text)
            if match:
                start = max(match.start() - 40, 0)
                found.append((where, text[start : match.end() + 40]))
    return found
