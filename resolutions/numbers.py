"""Exact lookup of official document numbers.

Full-text search splits `02-NQ/TW` into pieces and ranks the pieces like any words, so a reader
who types the number may not get the document first. Every number is therefore normalised once,
when the page is saved, into tokens:

    02-NQ/TW      -> 2 nq tw
    38/HD-TLĐ     -> 38 hd tld
    1734/CTr-TLĐ  -> 1734 ctr tld

Two columns are stored and indexed: `number_lead` (the first numeric token, the document's serial
number, very selective) and `number_key` (the sorted tokens, padded with spaces so that a token can
be matched whole with `contains`). A query is normalised the same way, with the document type
written in words ("Nghị quyết 02", "quyết định số 2399") turned into its abbreviation. The lookup is
one indexed query: the serial number narrows the rows to a handful, and token containment (every
token of the query is one of the document's tokens) keeps the right ones, so `nq 02` (no `tw`)
still finds 02-NQ/TW.
"""

import re

from django.apps import apps
from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Length

from portal.pagecache.privacy import private_q
from search.text import fold

_TOKEN = re.compile(r"[a-z]+|\d+")

# Document types written in words, folded, longest first, and their abbreviation in numbers.
TYPE_WORDS = [
    ("van kien dai hoi", "vk"),
    ("nghi quyet", "nq"),
    ("quyet dinh", "qd"),
    ("huong dan", "hd"),
    ("chuong trinh", "ctr"),
    ("ke hoach", "kh"),
    ("cong van", "cv"),
    ("chi thi", "ct"),
    ("ket luan", "kl"),
    ("thong bao", "tb"),
    ("thong tri", "tt"),
    ("quy dinh", "qdi"),
    ("bao cao", "bc"),
    ("to trinh", "ttr"),
]
# Words people type around a number that are not part of it ("Nghị quyết số 02 của ...").
FILLER_WORDS = {"so", "ngay", "cua", "van", "ban"}

MAX_QUERY_TOKENS = 8


def tokens(text, *, query=False):
    """The number's tokens: folded, split into letter and digit runs, leading zeros dropped."""
    folded = fold(text or "")
    if query:
        for words, abbreviation in TYPE_WORDS:
            folded = re.sub(rf"\b{words}\b", f" {abbreviation} ", folded)
    result = []
    for token in _TOKEN.findall(folded):
        if token.isdigit():
            token = token.lstrip("0") or "0"
        elif query and token in FILLER_WORDS:
            continue
        result.append(token)
    return result


def number_key(number):
    """The stored lookup key: sorted unique tokens between spaces (' 2 nq tw ')."""
    parts = sorted(set(tokens(number)))
    return f" {' '.join(parts)} " if parts else ""


def number_lead(number):
    """The first numeric token of the number (the serial number), or ''."""
    for token in tokens(number):
        if token.isdigit():
            return token[:20]
    return ""


def looks_like_number(query):
    """A query worth an exact lookup: it has a digit and only a few tokens."""
    parts = tokens(query, query=True)
    return any(t.isdigit() for t in parts) and 0 < len(parts) <= MAX_QUERY_TOKENS


def find_by_number(query, queryset=None):
    """Live, public documents whose number matches `query`, the best match first.

    One query on the indexed serial-number column: the exact key first, then the documents with
    the fewest extra tokens, then the newest.
    """
    if queryset is None:
        # By name, not imported: the document model imports this module for its keys.
        queryset = apps.get_model("resolutions", "ResolutionPage").objects.live()
        queryset = queryset.exclude(private_q())
    parts = tokens(query, query=True)
    digits = {t for t in parts if t.isdigit()}
    if not digits or len(parts) > MAX_QUERY_TOKENS:
        return queryset.none()
    queryset = queryset.filter(number_lead__in=digits)
    for token in set(parts):
        queryset = queryset.filter(number_key__contains=f" {token} ")
    exact = f" {' '.join(sorted(set(parts)))} "
    return queryset.annotate(
        _exact=Case(
            When(number_key=exact, then=Value(0)), default=Value(1), output_field=IntegerField()
        ),
        _key_length=Length("number_key"),
    ).order_by("_exact", "_key_length", "-date_issued", "-pk")


def search_hits(query):
    """The site search's number provider (`SEARCH_NUMBER_PROVIDERS`): live, public documents
    whose number is the query, best first."""
    return find_by_number(query)
