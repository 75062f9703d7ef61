from decimal import Decimal, InvalidOperation

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

register = template.Library()

FOOTER_STRIP_SIZE = 24


def footer_partners():
    """Live partners in force today that have a logo, as plain data for the footer strip.

    Remembered per day until the next purge (a partner or the programme page changing purges:
    portal/pagecache/memo.py), so the footer costs no query on most requests and a fixed few
    when it is rebuilt.
    """
    from portal.pagecache.memo import remember

    return remember("footer-strip", timezone.localdate().isoformat(), compute=_footer_partners)


def _footer_partners():
    from campaigns.models import STRIP_LOGO_SPEC, Partner, partner_programme_url
    from home.cards import with_renditions

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
    return items


@register.inclusion_tag("campaigns/includes/partner_strip.html", takes_context=True)
def partner_strip(context):
    """The footer strip of "Vì phúc lợi đoàn viên" partners: current partners with logos."""
    from campaigns.models import partner_programme_url

    branding = context.get("branding")
    partners = footer_partners()
    return {
        "partners": partners,
        # Always a heading: a strip of logos needs a title saying what they are.
        "heading": getattr(branding, "partners_heading", "")
        or _("Đối tác chương trình Vì phúc lợi đoàn viên"),
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


@register.filter
def worth_showing(count):
    """True when a public progress figure is worth showing: at least PUBLIC_PROGRESS_MIN
    sign-ups (a bar at 0 / 1.000.000 (0,0%) or "0 người đăng ký" tells readers nothing)."""
    from django.conf import settings

    try:
        return int(count or 0) >= max(int(getattr(settings, "PUBLIC_PROGRESS_MIN", 100)), 1)
    except (TypeError, ValueError):
        return False
