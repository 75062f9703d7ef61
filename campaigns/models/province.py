"""The 34 province-level units (since 1/7/2025), shared by partners and the member registry."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from campaigns.provinces import _load
from portal.fields import optional_text, text

__all__ = ["Province"]


class Province(models.Model):
    """One of the 34 province-level units (since 1/7/2025). Rows come from a data migration that
    reads `campaigns/provinces.py`; editors never add or change them."""

    code = text(_("Mã"), max_length=2, primary_key=True)
    name = text(_("Tên"), max_length=100)
    kind = optional_text(_("Loại"), max_length=20)

    class Meta:
        ordering = ["code"]
        verbose_name = verbose_name_plural = _("Tỉnh/thành phố")

    def __str__(self):
        return self.name

    @classmethod
    def ensure_all(cls):
        """Create any of the 34 that are missing (after a flush in transactional tests)."""
        existing = set(cls.objects.values_list("code", flat=True))
        missing = [
            cls(code=p.code, name=p.name, kind=p.kind) for p in _load() if p.code not in existing
        ]
        if missing:
            cls.objects.bulk_create(missing)
        return len(missing)
