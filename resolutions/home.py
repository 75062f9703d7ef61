def latest_documents(request, home_page):
    """The home page's "Văn bản mới" section: filled by the document library issue."""
    return {}
