"""What every page's header and footer show besides the branding's own fields (the main menu, the
footer links, the footer's partner strip, the Open Graph image's rendition), stored on the site's
`SiteBranding` row (`chrome`), which every render reads anyway: the chrome costs no query of its
own.

It is built when something it shows is saved: a menu item, a page (a menu links to it; the main
menu falls back to the top-level pages), a partner, the programme page, an image or rendition
(a logo), a site, a view restriction, or the branding itself. The change marks every row stale
at once (`chrome` NULL) and the rows are built again when the change commits; a render that
finds its row stale builds it, and stores it only if no newer build got there first.

The partner strip depends on the day (a partner's agreement starts and ends on dates): the row
keeps every published, active partner with a logo whose agreement has not ended, with its dates,
and the render picks those in force today.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from home import stored_sections
from portal.pagecache import purge
from portal.pagecache.purge import DRAFT_ONLY_FIELDS

__all__ = ["CHROME_VERSION", "chrome_of", "connect", "footer_partners", "mark_stale"]

CHROME_VERSION = 2
OG_IMAGE_SPEC = "fill-1200x630"
FOOTER_STRIP_SIZE = 24


def _branding_model():
    return apps.get_model("home", "SiteBranding")


def _menu(menu):
    from menus.models import menu_items_tree

    return menu_items_tree(menu)


def _fallback_menu(site):
    """The top-level pages marked "show in menus" (the main menu when editors built none)."""
    if site is None:
        return []
    pages = site.root_page.get_children().live().public().in_menu().only("id", "title", "url_path")
    return [
        {
            "title": page.title,
            "url": page.get_url(current_site=site) or "",
            "url_path": page.url_path,
        }
        for page in pages
    ]


def _partners(today):
    """Published, active partners with a logo whose agreement has not ended, by name, as plain
    data with their dates (the render keeps those in force on its own day)."""
    from campaigns.models import STRIP_LOGO_SPEC, Partner, partner_programme_url
    from campaigns.models.partner_choices import PartnerStatus
    from home.cards import with_renditions

    base_url = partner_programme_url()
    partners = with_renditions(
        Partner.objects.public()
        .filter(status=PartnerStatus.ACTIVE, logo__isnull=False)
        .exclude(valid_to__lt=today),
        "logo",
        STRIP_LOGO_SPEC,
    ).order_by("name", "pk")
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
                "from": partner.valid_from.isoformat() if partner.valid_from else "",
                "to": partner.valid_to.isoformat() if partner.valid_to else "",
            }
        )
    return {"partners": items, "programme_url": base_url or ""}


def _og_image(branding):
    """The branding's Open Graph image as `{% image %}` gives it (a stand-in when its file is
    missing), as plain data: pages read it without the image's row or a rendition lookup."""
    from wagtail.images.shortcuts import get_rendition_or_not_found

    if not branding.og_image_id:
        return None
    rendition = get_rendition_or_not_found(branding.og_image, OG_IMAGE_SPEC)
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height}


def build(branding):
    """The chrome of `branding`'s site, from the database."""
    site = branding.site
    return {
        "version": CHROME_VERSION,
        "main": _menu("main"),
        "fallback": _fallback_menu(site),
        "footer": _menu("footer"),
        **_partners(timezone.localdate()),
        "og_image": _og_image(branding),
    }


def chrome_of(branding):
    """The stored chrome of a SiteBranding, built (and stored) if it is stale."""
    chrome = getattr(branding, "chrome", None)
    if chrome and chrome.get("version") == CHROME_VERSION:
        return chrome
    chrome = build(branding)
    if branding.pk:
        # Only over a stale row: a build that started before a change and finished after the
        # change's own rebuild must not bring the old chrome back.
        _branding_model().objects.filter(pk=branding.pk, chrome__isnull=True).update(chrome=chrome)
    branding.chrome = chrome
    return chrome


def footer_partners(branding, day=None):
    """The partners the footer strip shows on `day` (today): in force that day, at most 24."""
    chrome = chrome_of(branding)
    day = (day or timezone.localdate()).isoformat()
    shown = [
        partner
        for partner in chrome["partners"]
        if (not partner["from"] or partner["from"] <= day)
        and (not partner["to"] or partner["to"] >= day)
    ]
    return shown[:FOOTER_STRIP_SIZE]


def rebuild():
    """Build every site's chrome again from the database (when a change commits)."""
    for branding in _branding_model().objects.select_related("site__root_page"):
        _branding_model().objects.filter(pk=branding.pk).update(chrome=build(branding))


def mark_stale():
    """Something the chrome shows changed: every row is stale now, built again on commit (after
    the last change of the transaction, so a build never misses one): once, however many changes
    the transaction holds (the demo's load made 114 and rebuilt the chrome 114 times)."""
    _branding_model().objects.filter(chrome__isnull=False).update(chrome=None)
    if not _rebuild_pending():
        transaction.on_commit(rebuild)
    stored_sections.mark_stale()


def _rebuild_pending():
    """Whether `rebuild` already runs when the current transaction commits: registered in this
    block or one enclosing it (a savepoint rolled back since took its callbacks with it)."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return False
    current = set(connection.savepoint_ids)
    return any(
        func is rebuild and set(registered_in) <= current
        for registered_in, func, _robust in connection.run_on_commit
    )


def _watched(sender):
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site

    label = sender._meta.label_lower
    return label in {"menus.menuitem", "campaigns.partner", "home.sitebranding"} or issubclass(
        sender, Page | Site | PageViewRestriction | get_image_model()
    )


def _shown_on_home(sender):
    """What the home page's stored sections may show besides the chrome's models (a news
    category, an issuing body, a document, a tag): anything whose change purges the page cache.
    Not the historical models migrations save."""
    return sender._meta.apps is apps and purge.watched(sender)


def _on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    if _watched(sender):
        mark_stale()
        if sender is _branding_model() and instance.pk:
            # Its own save moved the version: a render holding this row (get_or_create) may
            # store the home page's sections over it.
            instance.refresh_from_db(fields=["home_sections_version"])
    elif _shown_on_home(sender):
        stored_sections.mark_stale()


def _on_delete(sender, instance, **kwargs):
    from wagtail.images import get_image_model

    if _watched(sender) or sender is get_image_model().get_rendition_model():
        mark_stale()
    elif _shown_on_home(sender):
        stored_sections.mark_stale()


def _on_move(sender, instance, **kwargs):
    mark_stale()


def _branding_pre_save(sender, instance, **kwargs):
    # The admin form's copy may predate a menu or partner change: never store its chrome.
    instance.chrome = None
    instance.home_sections = None


def connect():
    from wagtail.signals import post_page_move

    pre_save.connect(
        _branding_pre_save, sender=_branding_model(), dispatch_uid="home-chrome-branding"
    )
    post_save.connect(_on_save, dispatch_uid="home-chrome-save")
    post_delete.connect(_on_delete, dispatch_uid="home-chrome-delete")
    post_page_move.connect(_on_move, dispatch_uid="home-chrome-move")
