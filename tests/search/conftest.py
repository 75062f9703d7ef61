"""Helpers for the search tests: pages of the real types, published and indexed."""

import pytest
from wagtail.models import Page


@pytest.fixture
def demo(demo_content):
    """The demo site (shared, see tests/conftest.py: SharedDemo)."""
    return demo_content


@pytest.fixture
def add_page(home_page):
    """Publish a child page (any type, plain Page by default) under `parent` (default: home)."""

    def add(title, parent=None, page_class=Page, live=True, **fields):
        parent = parent or home_page
        page = page_class(title=title, live=live, **fields)
        parent.add_child(instance=page)
        if live:
            page.save_revision().publish()
        else:
            page.save_revision()
        return page

    return add
