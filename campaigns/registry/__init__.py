"""The member registry's services: `register_member()` (the only way a sign-up enters the
registry), normalisation, status changes, erasure, and the hand-off forwarders."""

from .normalise import normalise_name, normalise_phone, parse_birth_date
from .service import Registration, change_status, erase_signup, register_member, review_submission

__all__ = [
    "Registration",
    "change_status",
    "erase_signup",
    "normalise_name",
    "normalise_phone",
    "parse_birth_date",
    "register_member",
    "review_submission",
]
