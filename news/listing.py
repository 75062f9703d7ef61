"""Which news index lists an article, kept on the article's own row (`listed_in`).

Every public list of articles (the index, its categories, tags and months, the home page, the
feeds, related articles) shows live, public articles only. Asked of Wagtail's tree, that is a
scan of the section's `wagtailcore_page` rows (live, path prefix, depth, no view restriction
above) that grows with the archive. Each article keeps instead the id of the news index that
lists it: its parent while it is live and no view restriction applies to it or above it, NULL
otherwise. Lists filter on that column with composite indexes (news/models/article.py) and read
only the rows they show. Each of the article's tags keeps a copy (with the article's
`published_at`) for the tag lists (news/models/categories.py).

It is kept:
- by `NewsArticlePage.save()` (publish, unpublish, scheduled go-live and expiry, a new page),
  with its tags' copies;
- here, for a subtree, when a page moves or a view restriction is added, changed or removed
  (`relist`, from the signals connected in `news.apps`);
- by the bulk generator (its pages are live and public) and by migration `news.0006`.
"""

from collections import defaultdict
from datetime import date

from django.apps import apps
from django.db import connection
from django.db.models import Exists
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

__all__ = ["connect", "listed_in_for", "newest_months", "relist"]

BATCH = 500
# The newest month at or before a bound, then the one before it, ... (PostgreSQL and SQLite).
NEWEST_MONTH_SQL = "SELECT MAX(published_month) FROM news_newsarticlepage WHERE listed_in = %s"
MONTHS_SQL = (
    "WITH RECURSIVE months(month, n) AS ("
    " SELECT ({newest}), 1"
    " UNION ALL SELECT ({newest} AND published_month < months.month), n + 1"
    " FROM months WHERE months.month IS NOT NULL AND n < %s"
    ") SELECT month FROM months WHERE month IS NOT NULL ORDER BY n"
)


def _ancestor_paths(path):
    step = Page.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def listed_in_for(page):
    """The id of the page's parent if the page is live and public, else None (one query)."""
    if not page.live or not page.path or len(page.path) <= Page.steplen:
        return None
    paths = _ancestor_paths(page.path)
    restricted = PageViewRestriction.objects.filter(page__path__in=paths)
    parent = Page.objects.filter(path=paths[-2]).exclude(Exists(restricted))
    return parent.values_list("pk", flat=True).first()


def relist(root):
    """Recompute `listed_in` for every article at or under `root` (a page or its path): after a
    move or a change of view restrictions. Reads the subtree's articles once; writes only the
    rows that change, grouped by value."""
    NewsArticlePage = apps.get_model("news", "NewsArticlePage")  # news.models imports this module
    NewsArticleTag = apps.get_model("news", "NewsArticleTag")
    root_path = root if isinstance(root, str) else root.path
    articles = NewsArticlePage.objects.filter(path__startswith=root_path)
    rows = list(articles.values_list("pk", "path", "listed_in"))
    if not rows:
        return 0
    visible = set(articles.live().public().values_list("pk", flat=True))
    parent_paths = {path[: -Page.steplen] for _, path, _ in rows}
    parents = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "pk"))
    changes = defaultdict(list)
    for pk, path, current in rows:
        wanted = parents.get(path[: -Page.steplen]) if pk in visible else None
        if wanted != current:
            changes[wanted].append(pk)
    for value, pks in changes.items():
        for start in range(0, len(pks), BATCH):
            batch = pks[start : start + BATCH]
            NewsArticlePage.objects.filter(pk__in=batch).update(listed_in=value)
            NewsArticleTag.objects.filter(content_object_id__in=batch).update(listed_in=value)
    if changes:
        from home.stored_sections import mark_stale

        # Bulk updates send no signals: what is stored from the lists (the home page's
        # sections, articles' related lists) is stale, marked after the rows are written.
        mark_stale()
    return sum(len(pks) for pks in changes.values())


def newest_months(index_id, limit=None):
    """The months (first days) that have articles listed by the index, newest first: a loose
    index scan over (listed_in, published_month), one index probe per month found, whatever the
    number of articles (a DISTINCT read every article's row: 67 ms at 10,000 on SQLite)."""
    sql = MONTHS_SQL.replace("{newest}", NEWEST_MONTH_SQL)
    with connection.cursor() as cursor:
        cursor.execute(sql, [index_id, index_id, limit or 100_000])
        found = [row[0] for row in cursor.fetchall()]
    return [date.fromisoformat(m) if isinstance(m, str) else m for m in found]


def _moved(sender, instance, **kwargs):
    relist(Page.objects.get(pk=instance.pk))


def _restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        relist(page)


def connect():
    post_page_move.connect(_moved, dispatch_uid="news-listing-move")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"news-listing-restriction-{signal is post_save}",
        )
