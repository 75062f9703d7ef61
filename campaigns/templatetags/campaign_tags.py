from decimal import Decimal, InvalidOperation

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.inclusion_tag("campaigns/includes/partner_strip.html", takes_context=True)
def partner_strip(context):
    """The footer strip of "Vì phúc lợi đoàn viên" partners: the partners with logos in force
    today, stored with the site's branding (home/chrome.py): no query of its own."""
    from home.chrome import chrome_of, footer_partners

    branding = context.get("branding")
    partners = footer_partners(branding) if branding else []
    return {
        "partners": partners,
        # Always a heading: a strip of logos needs a title saying what they are.
        "heading": getattr(branding, "partners_heading", "")
        or _("Đối tác chương trình Vì phúc lợi đoàn viên"),
        "programme_url": (chrome_of(branding)["programme_url"] or None) if partners else None,
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
