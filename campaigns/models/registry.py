"""The member registry (MemberSignup, submissions, consents, targets) and the sign-up form's
page mixin: the registry issue implements them."""

__all__ = ["SignupFormPageMixin"]


class SignupFormPageMixin:
    """Page types that can show the member sign-up form inherit this (SignupPage, CampaignPage).

    Contract: the registry issue makes `serve()` handle the form's POST on the same page
    (POST → redirect → confirmation) and puts `signup_form` (and whatever else the form template
    needs) into the page's context. Until then it adds nothing.
    """
