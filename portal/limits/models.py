"""The database store of the limits (used when no Redis is configured, and while Redis is down).

Both tables hold only keyed hashes and expiry times: no address, phone number or form content.
Expired rows are deleted as new ones come (see `store.DatabaseStore.sweep`).
"""

from django.db import models


class Counter(models.Model):
    """One fixed-window counter: `hits` events since the window opened, until `expires` (a Unix
    time in seconds)."""

    key = models.CharField(max_length=100, primary_key=True)
    hits = models.PositiveIntegerField(default=0)
    expires = models.FloatField(db_index=True)

    class Meta:
        verbose_name = "bộ đếm giới hạn"
        verbose_name_plural = "Bộ đếm giới hạn"

    def __str__(self):
        return self.key


class UsedToken(models.Model):
    """A single-use form token that has been used: its nonce, until the token itself expires,
    and a keyed hash of what was sent with it (a replay of the same content is told apart from
    new content sent with an old token)."""

    nonce = models.CharField(max_length=64, primary_key=True)
    expires = models.FloatField(db_index=True)
    fingerprint = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = "mã biểu mẫu đã dùng"
        verbose_name_plural = "Mã biểu mẫu đã dùng"

    def __str__(self):
        return self.nonce
