from django import template

register = template.Library()


@register.inclusion_tag("campaigns/includes/partner_strip.html", takes_context=True)
def partner_strip(context):
    """The footer strip of "Vì phúc lợi đoàn viên" partners: filled by the campaigns issue."""
    branding = context.get("branding")
    return {
        "partners": [],
        "heading": getattr(branding, "partners_heading", ""),
        "request": context.get("request"),
    }
