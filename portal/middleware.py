from django.conf import settings


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy everywhere and swaps in the looser admin CSP under /admin/.

    Sits after ContentSecurityPolicyMiddleware in MIDDLEWARE so its response hook runs first and
    the CSP middleware then builds the header from the chosen config (with the request's nonce).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path.startswith("/admin/") and not hasattr(response, "_csp_config"):
            response._csp_config = settings.ADMIN_CSP
        return response
