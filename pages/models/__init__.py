"""The union's ordinary pages: content pages (Giới thiệu and its children), the leadership
page with its people, and the contact page. One module per page or snippet type."""

from .content import ContentPage, SectionNavigationMixin

__all__ = ["ContentPage", "SectionNavigationMixin"]
