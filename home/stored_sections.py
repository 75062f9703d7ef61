"""The home page's sections (news, campaigns, documents, photos and videos) as HTML stored on
the site's `SiteBranding` row (`home_sections`), which every render reads anyway: a first render
of the home page runs none of their queries and renders none of their cards.

The HTML is computed from the database by a render that finds it stale, and stored only if
nothing changed meanwhile. It is stale when anything a public page can show changes (every model
whose save or deletion purges the page cache: pages, images, documents, snippets, sites,
privacy; not draft saves), which marks every row stale at once (`mark_stale`, called with the
chrome's: home/chrome.py), and on the next day (a campaign's status depends on the date). Each
mark also moves `home_sections_version`, and a render stores its HTML only over the version it
read: a render that read the database before a change never stores over it.

The membership progress is not stored: it follows sign-ups, which purge nothing.
"""

from django.apps import apps
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from home.sections import home_sections
from portal.pagecache import memo

__all__ = ["home_context", "mark_stale"]

TEMPLATE = "home/includes/stored_sections.html"
SEPARATOR = "<!-- sections -->"


def _branding_model():
    return apps.get_model("home", "SiteBranding")


def _build(request, page):
    """The stored sections' HTML: the links they add to <head>, and their body."""
    context = home_sections(request, page, live=False)
    html = render_to_string(TEMPLATE, {**context, "page": page}, request=request)
    head, _, body = html.partition(SEPARATOR)
    return {"head": head.strip(), "body": body.strip()}


def _stored(request, page, branding, today, reread):
    """The row's sections, built and stored if they are stale. `reread`: the branding may be a
    copy remembered from earlier in this generation, read the row's own values."""
    stored, version = branding.home_sections, branding.home_sections_version
    if reread:
        row = _branding_model().objects.filter(pk=branding.pk)
        stored, version = row.values_list("home_sections", "home_sections_version").first() or (
            None,
            version,
        )
    if not stored or stored.get("day") != today:
        stored = {**_build(request, page), "day": today}
        _branding_model().objects.filter(pk=branding.pk, home_sections_version=version).update(
            home_sections=stored
        )
    return stored


def home_context(request, page, branding):
    """The home page's context: `home_sections` (the stored HTML: "head" and "body") and the
    sections that are never stored."""
    context = home_sections(request, page, live=True)
    if getattr(request, "is_preview", False) or branding is None or not branding.pk:
        return {**context, "home_sections": _build(request, page)}
    today = timezone.localdate().isoformat()
    if memo.enabled():
        # Read once per generation and process (the branding may be a remembered copy).
        stored = memo.remember(
            "home-sections",
            branding.pk,
            today,
            compute=lambda: _stored(request, page, branding, today, reread=True),
        )
    else:
        stored = _stored(request, page, branding, today, reread=False)
    return {**context, "home_sections": stored}


def mark_stale():
    """Something the sections may show changed: every row's sections are stale now."""
    _branding_model().objects.update(
        home_sections=None, home_sections_version=F("home_sections_version") + 1
    )
