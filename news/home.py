def latest_news(request, home_page):
    """The home page's "Tin tức" section: filled by the news issue."""
    return {}
