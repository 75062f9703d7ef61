"""Vietnamese text normalisation shared by indexing, querying and highlighting, and by the
public forms for what people type.

Text arrives in NFC or NFD depending on the keyboard and input method. Everything we store or
compare is NFC; everything we match accent-insensitively is *folded*: đ→d, then every combining
mark dropped (Unicode decomposition alone never turns đ into d), then lower case.
"""

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")

# Longest query we search for, in characters, and most words: a pasted paragraph must not turn
# into a slow 80-term full-text query.
MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def fold(text: str | None) -> str:
    """Accent- and case-folded form: 'Công Đoàn' and 'cong doan' both give 'cong doan'."""
    decomposed = unicodedata.normalize("NFD", nfc(text).translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def squash(text: str | None) -> str:
    """NFC, trimmed, inner whitespace (non-breaking spaces included) collapsed to one space."""
    return _SPACES.sub(" ", nfc(text)).strip()


def plain_text(value: object) -> str:
    """Plain text of a string, rich text or StreamField value, for indexing."""
    if value is None:
        return ""
    if hasattr(value, "stream_block"):
        return " ".join(
            squash(strip_tags(str(part)))
            for part in value.stream_block.get_searchable_content(value)
        )
    if hasattr(value, "source"):  # wagtail RichText
        value = value.source
    return squash(strip_tags(str(value)))


def clean_query(text: str | None) -> str:
    """What the reader typed, as we search for it: NFC, one line, length-capped."""
    return squash(text)[:MAX_QUERY_LENGTH].strip()


def searchable_query(text: str | None) -> str:
    """A reader's query as every search box of the site takes it: cleaned (clean_query), and
    empty when it has no word at all (only punctuation or symbols, e.g. "!!!" or "/"), so such a
    query means "no query" on the site search, the document library and the partner directory
    alike, never "0 results" on one and the hint on another."""
    query = clean_query(text)
    return query if words(query, limit=1) else ""


def query_was_cut(text: str | None) -> bool:
    """True when clean_query dropped part of what the reader typed (longer than the limit)."""
    return len(squash(text or "")) > MAX_QUERY_LENGTH


def words(text: str | None, limit: int | None = MAX_QUERY_TERMS) -> list[str]:
    """Lower-case NFC words (letters and digits): punctuation never reaches the search backend,
    so `02-NQ/TW` or a stray quote cannot break an FTS5 or tsquery expression."""
    found = _WORD.findall(nfc(text).lower())
    return found[:limit] if limit else found


def folded_words(text: str | None, limit: int | None = MAX_QUERY_TERMS) -> list[str]:
    return [_fold_word(word) for word in words(text, limit)]


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    # Vietnamese is written in a few thousand syllables: ranking folds the words of every title
    # in the window, so each syllable is folded once per process.
    return fold(word)


def has_marks(text: str) -> bool:
    """True if the text carries Vietnamese diacritics (or đ) that folding would remove."""
    lowered = nfc(text).lower()
    return fold(lowered) != lowered


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


# Characters seen so far that fold to exactly one character, as a str.translate() table.
_ONE_TO_ONE: dict[int, str] = {}


def fold_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """Folded text plus, for each folded character, the index of the original character it came
    from. Folding a precomposed Vietnamese letter gives one letter, but we never rely on that:
    only a text whose every character is known to fold to one character takes the fast path
    (one translate(), offsets 0, 1, 2…); any other text is folded character by character."""
    chars = set(text)
    for ch in chars:
        if ord(ch) not in _ONE_TO_ONE:
            out = _fold_char(ch)
            if len(out) != 1:
                break
            _ONE_TO_ONE[ord(ch)] = out
    else:
        return text.translate(_ONE_TO_ONE), range(len(text))
    folded: list[str] = []
    offsets: list[int] = []
    for index, ch in enumerate(text):
        for out in _fold_char(ch):
            folded.append(out)
            offsets.append(index)
    return "".join(folded), offsets


def _match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """(start, end) spans of `text` holding a whole word whose folded form is one of `terms`."""
    if not terms:
        return []
    folded, offsets = fold_with_offsets(text)
    alternatives = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    pattern = re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)")
    spans = []
    for match in pattern.finditer(folded):
        if match.end() == match.start():
            continue
        spans.append((offsets[match.start()], offsets[match.end() - 1] + 1))
    return spans


def _marked(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    """Escaped `text[start:end]` with each span inside it wrapped in <mark>."""
    parts: list[str] = []
    cursor = start
    for s, e in spans:
        if s < cursor or e > end:
            continue
        parts.append(escape(text[cursor:s]))
        parts.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    parts.append(escape(text[cursor:end]))
    return "".join(parts)


def highlight(text: str | None, query: str, length: int = 240) -> str:
    """An HTML excerpt of `text` around the first match of the query, with every matched word in
    <mark>. Matching is folded on both sides; everything is escaped."""
    text = squash(text)
    if not text:
        return ""
    spans = _match_spans(text, folded_words(query))
    start = 0
    if spans and spans[0][0] > length // 3:
        # Start a little before the first match, at a word boundary.
        start = text.rfind(" ", 0, spans[0][0] - length // 4) + 1
    end = min(len(text), start + length)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    excerpt = _marked(text, spans, start, end)
    before = "…" if start > 0 else ""
    after = "…" if end < len(text) else ""
    return mark_safe(before + excerpt + after)  # noqa: S308 - _marked escapes every piece


def highlight_title(text: str | None, query: str) -> str:
    """The whole title, escaped, with matched words in <mark>: never an excerpt (a title cut at
    its start reads as another title)."""
    text = squash(text)
    if not text:
        return ""
    spans = _match_spans(text, folded_words(query))
    return mark_safe(_marked(text, spans, 0, len(text)))  # noqa: S308 - _marked escapes
