"""The home page's sections. Each app that owns a section provides a function
`(request, home_page) -> dict`; the dict is merged into the home page's context and the home
template renders a section only when its key holds something."""

from django.utils.module_loading import import_string

HOME_SECTION_PROVIDERS = [
    "news.home.latest_news",  # -> {"latest_news": [...]}
    "campaigns.home.featured_campaigns",  # -> {"featured_campaigns": [...]}
    "resolutions.home.latest_documents",  # -> {"latest_documents": [...]}
    "campaigns.registry.api.membership_progress",  # -> {"membership_progress": {...}}
    "gallery.home.latest_media",  # -> {"latest_media": {"albums": [...], "videos": [...]}}
]


# Their sections follow sign-ups (which purge nothing): never stored (home/stored_sections.py).
LIVE_SECTION_PROVIDERS = ["campaigns.registry.api.membership_progress"]


def home_sections(request, page, live=None):
    """The sections' context; with `live` True only the live providers', with False only the
    stored ones'."""
    context = {}
    for dotted_path in HOME_SECTION_PROVIDERS:
        if live is not None and (dotted_path in LIVE_SECTION_PROVIDERS) != live:
            continue
        context.update(import_string(dotted_path)(request, page) or {})
    return context
