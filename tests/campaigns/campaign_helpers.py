"""Factories for the campaign and partner tests (real rows, no mocks)."""

from datetime import date, timedelta
from itertools import count

from django.utils import timezone

from campaigns.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    PartnerFactory,
    PartnerProgramPageFactory,
)
from campaigns.models import PartnerLocation
from home.factories import ImageFactory, drawn_image_file

_serial = count(1)


def today():
    return timezone.localdate()


def make_image(title=None, size=(120, 60), colour=(10, 61, 124)):
    n = next(_serial)
    image_file = drawn_image_file(f"img{n}.png", size=size, colour=colour)
    return ImageFactory(title=title or f"Ảnh thử {n}", file=image_file)


def make_programme(home_page, **fields):
    return PartnerProgramPageFactory(parent=home_page, publish=None, **fields)


def make_partner(name=None, *, provinces=(), locations=(), logo=True, live=True, **fields):
    """A published partner valid today (unless told otherwise), with its own logo image."""
    n = next(_serial)
    name = name or f"Đối tác thử {n}"
    return PartnerFactory(
        name=name,
        logo=make_image(f"Logo {name}", colour=(n % 255, 61, 124)) if logo else None,
        live=live,
        provinces=provinces,
        locations=[
            PartnerLocation(address=address, province_id=code) for address, code in locations
        ],
        **fields,
    )


def make_campaign_index(home_page):
    return CampaignIndexPageFactory(parent=home_page, publish=None)


def make_campaign(index_page, title, *, start=None, end=None, **fields):
    n = next(_serial)
    return CampaignPageFactory(
        parent=index_page,
        publish=None,
        title=title,
        slug=fields.pop("slug", f"chien-dich-{n}"),
        start_date=start,
        end_date=end,
        **fields,
    )


def days(n):
    return today() + timedelta(days=n)


__all__ = [
    "date",
    "days",
    "make_campaign",
    "make_campaign_index",
    "make_image",
    "make_partner",
    "make_programme",
    "today",
]
