"""Fixtures of the home page's tests."""

from tests.conftest import demo_site_fixture

# One demo site for all this package's modules (tests/conftest.py, demo_site_fixture).
_demo_site = demo_site_fixture("package")
