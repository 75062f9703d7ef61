"""Store every piece of text the portal's own models hold in NFC.

Keyboards and input methods send Vietnamese in NFC or NFD; two spellings of the same word must
compare, index and sort as one.
"""

from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver

from search.text import nfc

PORTAL_APPS = {"home", "news", "resolutions", "campaigns", "registry", "search"}


@receiver(pre_save)
def normalise_text_to_nfc(sender, instance, **kwargs):
    if sender._meta.app_label not in PORTAL_APPS:
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, nfc(value))
