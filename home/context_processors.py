from django.utils.functional import SimpleLazyObject


def branding(request):
    """`branding`, the site's `SiteBranding` (header, banner, footer), read only when a template
    uses it: a page whose fragments are all kept (an article read again) never does."""
    from home.models import SiteBranding

    return {"branding": SimpleLazyObject(lambda: SiteBranding.for_request(request))}
