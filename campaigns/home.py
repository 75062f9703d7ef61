def featured_campaigns(request, home_page):
    """The home page's "Chiến dịch" section: filled by the campaigns issue."""
    return {}
