"""The member registry: one entry per person (keyed by the normalised phone number), an append-only
log of every submission, consent records per purpose, the status workflow, the privacy notice
versions, the targets the registry reports against, the hand-off records and the exports.

One module per model family. The tables keep the names they had when these models lived in the
`campaigns` app (registry/migrations/0001_initial.py moved the models without touching a row).
"""

from .export import ExportStorage, RegistryExport, export_storage
from .notice import PrivacyNotice
from .records import ConsentRecord, Forwarding, SignupSubmission, StatusChange
from .signup import MemberSignup
from .targets import MembershipTarget, ProvinceForwardAddress

__all__ = [
    "ConsentRecord",
    "ExportStorage",
    "Forwarding",
    "MemberSignup",
    "MembershipTarget",
    "PrivacyNotice",
    "ProvinceForwardAddress",
    "RegistryExport",
    "SignupSubmission",
    "StatusChange",
    "export_storage",
]
