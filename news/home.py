"""The home page's "Tin tức" section: the newest article with a picture leads, a list follows."""

from .models import NewsIndexPage, card_queryset, public_articles

HOME_NEWS_COUNT = 7


def latest_news(request, home_page):
    """{"latest_news": [lead, *others], "news_index": index}: four queries whatever the size."""
    articles = list(card_queryset(public_articles().descendant_of(home_page))[:HOME_NEWS_COUNT])
    if not articles:
        return {}
    # The lead is the newest article that has a photo; the rest keep their order.
    lead = next((article for article in articles if article.hero_image_id), articles[0])
    ordered = [lead] + [article for article in articles if article is not lead]
    news_index = NewsIndexPage.objects.live().public().descendant_of(home_page).first()
    return {"latest_news": ordered, "news_index": news_index}
