"""Store every piece of text editors and visitors type in NFC.

Keyboards and input methods send Vietnamese in NFC or NFD; two spellings of the same word must
compare, index, sort and be found with the browser's "find in page" as one. Covered: every text
field (and the text inside a StreamField's blocks) of the portal's own models and of the Wagtail
and taggit models editors type into: page titles, image and document titles, tags, collections,
promoted search results, redirects. (Django normalises user names itself.)
"""

import sys
import unicodedata
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.fields import StreamField

from search.text import nfc

# What editors type into in Wagtail's and taggit's own models.
EDITED_LIBRARY_APPS = {
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "taggit",
    "wagtailsearchpromotions",
    "wagtailredirects",
}


@cache
def edited_apps() -> frozenset[str]:
    """The labels of the portal's own apps (their code in this project, not an installed
    package) and EDITED_LIBRARY_APPS."""
    root = Path(settings.BASE_DIR).resolve()
    own = {
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(root)
        and not Path(config.path).resolve().is_relative_to(Path(sys.prefix).resolve())
    }
    return frozenset(own | EDITED_LIBRARY_APPS)


def _nfc_data(data):
    """`data` (a StreamField's raw blocks: lists, dicts, strings) with every string in NFC, and
    whether anything changed."""
    if isinstance(data, str):
        if unicodedata.is_normalized("NFC", data):
            return data, False
        return unicodedata.normalize("NFC", data), True
    if isinstance(data, list):
        pairs = [_nfc_data(item) for item in data]
        return [item for item, _ in pairs], any(changed for _, changed in pairs)
    if isinstance(data, dict):
        pairs = {key: _nfc_data(value) for key, value in data.items()}
        return {key: value for key, (value, _) in pairs.items()}, any(
            changed for _, changed in pairs.values()
        )
    return data, False


@receiver(pre_save)
def normalise_text_to_nfc(sender, instance, **kwargs):
    if sender._meta.app_label not in edited_apps():
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, nfc(value))
        elif isinstance(field, StreamField) and field.attname in instance.__dict__:
            raw, changed = _nfc_data(field.get_prep_value(getattr(instance, field.attname)))
            if changed:
                setattr(instance, field.attname, raw)
