"""The editors' tests reuse the news app's article fixtures."""

from tests.news.conftest import (  # noqa: F401 (pytest fixtures)
    image,
    make_article,
    news_index,
    union_category,
)
