"""Vietnamese text normalisation shared by indexing and querying.

Text arrives in NFC or NFD depending on the keyboard and input method. Everything we store or
compare is NFC; everything we match accent-insensitively is *folded*: đ→d, then every combining
mark dropped (Unicode decomposition alone never turns đ into d), then lower case.
"""

import re
import unicodedata

from django.utils.html import strip_tags

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
_SPACES = re.compile(r"\s+")


def nfc(text):
    return unicodedata.normalize("NFC", text or "")


def fold(text):
    """Accent- and case-folded form: 'Công Đoàn' and 'cong doan' both give 'cong doan'."""
    decomposed = unicodedata.normalize("NFD", nfc(text).translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def squash(text):
    """NFC, trimmed, inner whitespace collapsed."""
    return _SPACES.sub(" ", nfc(text)).strip()


def plain_text(value):
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
