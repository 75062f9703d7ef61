from .library import site_documents
from .models.library_page import DocumentLibraryPage


def latest_documents(request, home_page, limit=5):
    """The home page's "Văn bản mới" section: the newest documents of the site (one query)."""
    documents = list(
        site_documents(home_page)
        .select_related("issuing_body")
        .order_by("-date_issued", "-pk")[:limit]
    )
    if not documents:
        return {}
    return {"latest_documents": documents, "document_library": _library(home_page)}


def _library(home_page):
    return DocumentLibraryPage.objects.live().child_of(home_page).only("id", "url_path").first()
