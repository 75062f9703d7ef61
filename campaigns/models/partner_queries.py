"""Which partners a list shows: published, in force on a day, serving a province, matching typed
words, and what a partner card needs prefetched."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from campaigns.partner_links import PARTNER_LOGO_SPEC
from home.cards import with_renditions
from search.text import fold

from .partner_choices import PartnerStatus, Scope
from .province import Province

__all__ = ["PartnerQuerySet", "today"]


def today():
    return timezone.localdate()


class PartnerQuerySet(models.QuerySet):
    def public(self):
        """Published partners: what any reader may see (drafts never)."""
        return self.filter(live=True)

    def valid_on(self, day=None):
        """Partners whose agreement is in force on `day` (today by default)."""
        day = day or today()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
            status=PartnerStatus.ACTIVE,
        )

    def current(self, day=None):
        return self.public().valid_on(day)

    def serving_province(self, code):
        """Partners a member in province `code` can use: nationwide offers, offers for that
        province, sector-wide offers not limited to some provinces, and partners with a shop
        or branch there."""
        through = self.model.provinces.through
        locations = self.model._meta.get_field("locations").related_model
        listed = through.objects.filter(partner=OuterRef("pk"), province_id=code)
        any_listed = through.objects.filter(partner=OuterRef("pk"))
        located = locations.objects.filter(partner=OuterRef("pk"), province_id=code)
        return self.filter(
            Q(scope=Scope.NATIONWIDE)
            | Exists(listed)
            | Exists(located)
            | (Q(scope=Scope.SECTOR) & ~Exists(any_listed))
        )

    def matching(self, text):
        """Accent-insensitive match of every word: "ha noi" finds "Hà Nội"."""
        for word in fold(text).split()[:8]:
            self = self.filter(folded_text__contains=word)
        return self

    def for_cards(self):
        """What a partner card needs, in a fixed number of queries whatever the count: logos in
        the same query, their renditions in one more, provinces in one more."""
        return with_renditions(self, "logo", PARTNER_LOGO_SPEC).prefetch_related(
            models.Prefetch("provinces", queryset=Province.objects.order_by("code"))
        )
