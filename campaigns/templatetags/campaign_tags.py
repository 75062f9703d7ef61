from decimal import Decimal, InvalidOperation

from django import template
from django.core.cache import cache
from django.utils import timezone

register = template.Library()

FOOTER_STRIP_SIZE = 24
FOOTER_STRIP_TIMEOUT = 60 * 60


def footer_partners():
    """Live partners in force today that have a logo, as plain data for the footer strip.

    Cached per day and per "partners version" (bumped whenever a partner or the programme page
    changes), so the footer costs no query on most requests and a fixed few when it is rebuilt.
    """
    from campaigns.models import (
        STRIP_LOGO_SPEC,
        Partner,
        partner_programme_url,
        partners_version,
        with_renditions,
    )

    key = f"campaigns:footer-strip:{partners_version()}:{timezone.localdate().isoformat()}"
    items = cache.get(key)
    if items is not None:
        return items
    base_url = partner_programme_url()
    partners = with_renditions(
        Partner.objects.current().filter(logo__isnull=False), "logo", STRIP_LOGO_SPEC
    ).order_by("name", "pk")[:FOOTER_STRIP_SIZE]
    items = []
    for partner in partners:
        partner._programme_url = base_url
        rendition = partner.logo.get_rendition(STRIP_LOGO_SPEC)
        items.append(
            {
                "name": partner.name,
                "url": partner.get_url() if base_url else "",
                "logo_url": rendition.url,
                "width": rendition.width,
                "height": rendition.height,
            }
        )
    cache.set(key, items, FOOTER_STRIP_TIMEOUT)
    return items


@register.inclusion_tag("campaigns/includes/partner_strip.html", takes_context=True)
def partner_strip(context):
    """The footer strip of "Vì phúc lợi đoàn viên" partners: current partners with logos."""
    from campaigns.models import partner_programme_url

    branding = context.get("branding")
    partners = footer_partners()
    return {
        "partners": partners,
        "heading": getattr(branding, "partners_heading", ""),
        "programme_url": partner_programme_url() if partners else None,
        "request": context.get("request"),
    }


@register.filter
def vi_number(value):
    """A number the Vietnamese way: 1.000.000 and 2,5 (trailing zero decimals dropped)."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return value
    number = number.normalize()
    sign = "-" if number < 0 else ""
    text = f"{abs(number):f}"
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = sign + ".".join(groups)
    if fraction.strip("0"):
        result += "," + fraction.rstrip("0")
    return result
