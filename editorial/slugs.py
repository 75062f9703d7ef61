"""ASCII slugs made from Vietnamese titles, the way Vietnamese sites make them:
"Tập huấn nghiệp vụ Đoàn" -> "tap-huan-nghiep-vu-doan".

Django's slugify(allow_unicode=False) decomposes and drops what is not ASCII, so "đ" (which has
no decomposition) vanishes: "Đoàn" -> "oan". Wagtail's admin JavaScript (the w-slug controller's
urlify) maps "đ" to "dj" (Serbian) and drops the letters with two marks ("ậ", "ế"). Both get the
Vietnamese folding here first: on the server through `vietnamese_slugify`, in the browser through
the slug input's `formatters` (regexes the controller applies before it urlifies).
"""

import re

from django.utils.text import slugify

from search.text import fold

# Letter groups for the admin's slug field, applied in order by Wagtail's w-slug controller:
# combining marks (text typed in NFD) go first, then each precomposed Vietnamese vowel becomes
# its base letter, and đ/Đ becomes d. The controller lower-cases afterwards.
_VOWELS = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
}
SLUG_FORMATTERS = [
    (re.compile("[\u0300-\u036f]"), ""),
    *[(re.compile(f"[{letters}{letters.upper()}]"), base) for base, letters in _VOWELS.items()],
    (re.compile("[đĐ]"), "d"),
]


def vietnamese_slugify(text):
    """An ASCII slug: Vietnamese letters folded to their base letter (đ -> d), lower case."""
    return slugify(fold(text))


def ascii_slug(slug):
    """An existing slug made ASCII: "tập-huấn_1" -> "tap-huan_1"; ASCII slugs are unchanged."""
    if slug.isascii():
        return slug
    return "_".join(slugify(fold(part)) for part in slug.split("_")).strip("_") or slug


def ascii_tag_slug(sender, instance, raw=False, **kwargs):
    """django-taggit slugs a new tag with slugify(allow_unicode=True) ("tập-huấn"); fold it.
    Taggit's own retry on a clash appends "_1", "_2"... which this keeps. Only new tags: the
    address of an existing tag never changes behind an editor's back."""
    if raw or not instance.slug or not instance._state.adding:
        return
    instance.slug = ascii_slug(instance.slug)
