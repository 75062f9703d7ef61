def membership_progress(request, home_page):
    """The home page's membership progress section: filled by the registry issue."""
    return {}
