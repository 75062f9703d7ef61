"""The registry's public face: what code outside `campaigns.registry` may use.

Other apps (campaign pages, blocks, the home page, demo loaders) never import the registry's
models; they call these functions. Importing this module loads no model, so page and block
modules may import it while Django is still loading models.
"""

from .pages import SignupFormPageMixin
from .progress import goal_progress, membership_progress, registry_counts, target_choices
from .web import SIGNUP_DONE_PARAM

__all__ = [
    "SIGNUP_DONE_PARAM",
    "SignupFormPageMixin",
    "goal_progress",
    "membership_progress",
    "register_member",
    "registry_counts",
    "target_choices",
]


def register_member(values, **kwargs):
    """Store one accepted sign-up (see `service.register_member`)."""
    from .service import register_member as register

    return register(values, **kwargs)
