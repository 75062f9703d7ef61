"""The editors' tests reuse the news app's article fixtures (the news index, categories and the
image are shared fixtures of tests/conftest.py)."""

from tests.news.conftest import make_article  # noqa: F401 (a pytest fixture)
