"""What a page needs to place the member sign-up form: a mixin for page types (the sign-up page,
campaign pages). It imports nothing of the registry's models at import time, so page modules of
other apps can use it while Django loads models."""


class SignupFormPageMixin:
    """Page types that can show the member sign-up form inherit this (SignupPage, CampaignPage).

    `serve()` handles the form's POST on the same page (validate → `register_member()` → 303 to
    the same page with `?da-dang-ky=1`), and `get_context()` puts `signup_form` and what
    `registry/includes/signup_form.html` needs into the page's context. Responses that render the
    form are marked `Cache-Control: private, no-store` so no shared cache keeps a CSRF token.
    """

    def serve(self, request, *args, **kwargs):
        from .web import handle_signup_post, mark_form_response

        if request.method == "POST":
            response = handle_signup_post(self, request)
            if response is not None:
                return response
        response = super().serve(request, *args, **kwargs)
        return mark_form_response(request, response)

    def get_context(self, request, *args, **kwargs):
        from .web import signup_context

        context = super().get_context(request, *args, **kwargs)
        context.update(signup_context(self, request))
        return context

    def csrf_failure_response(self, request):
        """A sign-up POST refused for its CSRF token: the form again with what was typed
        (portal/csrf.py calls this)."""
        from .web import csrf_failure_response

        return csrf_failure_response(self, request)
