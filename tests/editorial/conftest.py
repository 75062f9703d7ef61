"""The editors' tests reuse the news app's article fixtures (the news index, categories and the
image are shared fixtures of tests/conftest.py)."""

from tests.conftest import demo_site_fixture
from tests.news.conftest import make_article  # noqa: F401 (a pytest fixture)

# One demo site for all this package's modules (tests/conftest.py, demo_site_fixture).
_demo_site = demo_site_fixture("package")
