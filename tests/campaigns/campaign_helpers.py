"""Factories for the campaign and partner tests (real rows, no mocks)."""

import io
from datetime import date, timedelta
from itertools import count

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    Partner,
    PartnerLocation,
    PartnerProgramPage,
    Province,
)

_serial = count(1)


def today():
    return timezone.localdate()


def make_image(title=None, size=(120, 60), colour=(10, 61, 124)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    title = title or f"Ảnh thử {next(_serial)}"
    image = get_image_model()(title=title, file=ImageFile(buffer, name=f"img{next(_serial)}.png"))
    image.save()
    return image


def make_programme(home_page, **fields):
    page = PartnerProgramPage(
        title=fields.pop("title", "Vì phúc lợi đoàn viên"),
        slug="vi-phuc-loi-doan-vien",
        show_in_menus=True,
        intro="<p>Ưu đãi cho đoàn viên.</p>",
        **fields,
    )
    home_page.add_child(instance=page)
    return page


def make_partner(name=None, *, provinces=(), locations=(), logo=True, live=True, **fields):
    """A published partner valid today (unless told otherwise), with its own logo image."""
    n = next(_serial)
    name = name or f"Đối tác thử {n}"
    defaults = {
        "offer_summary": f"Giảm giá cho đoàn viên ({name}).",
        "discount_min": 10,
        "discount_max": 20,
        "valid_from": today() - timedelta(days=30),
        "valid_to": today() + timedelta(days=365),
    }
    defaults.update(fields)
    partner = Partner(
        name=name,
        logo=make_image(f"Logo {name}", colour=(n % 255, 61, 124)) if logo else None,
        live=live,
        **defaults,
    )
    partner.provinces = list(Province.objects.filter(code__in=provinces))
    partner.locations = [
        PartnerLocation(address=address, province_id=code) for address, code in locations
    ]
    partner.save()
    return partner


def make_campaign_index(home_page):
    page = CampaignIndexPage(title="Chiến dịch", slug="chien-dich", show_in_menus=True)
    home_page.add_child(instance=page)
    return page


def make_campaign(index_page, title, *, start=None, end=None, **fields):
    n = next(_serial)
    page = CampaignPage(
        title=title,
        slug=fields.pop("slug", f"chien-dich-{n}"),
        start_date=start,
        end_date=end,
        **fields,
    )
    index_page.add_child(instance=page)
    return page


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
