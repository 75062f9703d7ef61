"""News models, one module per model family, re-exported here so Django sees one `news` app:
- `categories`: the category snippet and the article-tag through model;
- `cards`: the renditions a card or hero shows, the card queryset and the lists' stored cards;
- `index`: the news index page (listing, archives, feeds);
- `article`: the article page and its editor-picked related articles;
- `article_parts`: what an article shows from other rows, stored with it.

Every public list goes through `public_articles()`: `.live().public()` keeps drafts, pages under a
view restriction and articles scheduled for a future go-live time out of the index, the feeds,
the home page and the related-article lists.
"""

from .article import *  # noqa: F403
from .article_parts import *  # noqa: F403
from .cards import *  # noqa: F403
from .categories import *  # noqa: F403
from .index import *  # noqa: F403
