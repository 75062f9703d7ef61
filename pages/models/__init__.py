"""The union's ordinary pages: content pages (Giới thiệu and its children), the leadership
page with its people, and the contact page. One module per page or snippet type."""

from .contact import ContactPage
from .content import ContentPage, SectionNavigationMixin
from .leaders import Leader, LeadershipPage, Term, leaders_by_term

__all__ = [
    "ContactPage",
    "ContentPage",
    "Leader",
    "LeadershipPage",
    "SectionNavigationMixin",
    "Term",
    "leaders_by_term",
]
