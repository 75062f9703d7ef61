"""The home page's "Tin tức" section: the newest article with a picture leads, a list follows."""

from .models import NewsIndexPage, card_queryset, public_articles

HOME_NEWS_COUNT = 7


def latest_news(request, home_page):
    """{"latest_news": [lead, *others], "news_index_url": ...}: two queries (the articles with
    their category and photo, then the photos' renditions) plus the view-restriction check."""
    # The ids first: with one index (the usual site) the articles are read in the order of the
    # (listed_in, published_at) index and the query stops at the seventh.
    indexes = list(NewsIndexPage.objects.descendant_of(home_page).values_list("pk", flat=True))
    articles = list(
        card_queryset(public_articles().filter(listed_in__in=indexes), tags=False)[:HOME_NEWS_COUNT]
    )
    if not articles:
        return {}
    # The lead is the newest article that has a photo; the rest keep their order.
    lead = next((article for article in articles if article.hero_image_id), articles[0])
    ordered = [lead] + [article for article in articles if article is not lead]
    # Articles live directly under a news index: the lead's parent is the "all news" page.
    lead_url = lead.get_url(request) or ""
    index_url = lead_url.rstrip("/").rsplit("/", 1)[0] + "/" if lead_url else ""
    return {"latest_news": ordered, "news_index_url": index_url}
