"""Text of attached files, for the search index.

Extraction runs when a document page is saved. A file that cannot be read (damaged, encrypted, a
scan with no text layer, not a PDF) is stored anyway: the attachment gets a status that the page
shows ("the text of this file is not searchable") and nothing is raised.
"""

import logging

from search.text import squash

logger = logging.getLogger(__name__)

# Limits that keep a save fast and the index small even for a 500-page annex.
MAX_PAGES = 300
MAX_CHARS = 300_000

STATUS_OK = "ok"
STATUS_NO_TEXT = "no_text"
STATUS_UNREADABLE = "unreadable"
STATUS_NOT_PDF = "not_pdf"


def extract_pdf_text(fileobj):
    """Return (text, status) for a file object opened in binary mode."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(fileobj)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # any failure means "not readable"
                return "", STATUS_UNREADABLE
        parts, length = [], 0
        for index, page in enumerate(reader.pages):
            if index >= MAX_PAGES or length >= MAX_CHARS:
                break
            text = squash(page.extract_text() or "")
            parts.append(text)
            length += len(text)
    except Exception as exc:  # pypdf raises many kinds of errors on bad input
        logger.warning("PDF text extraction failed: %s", exc.__class__.__name__)
        return "", STATUS_UNREADABLE
    text = " ".join(p for p in parts if p)[:MAX_CHARS]
    return text, (STATUS_OK if text else STATUS_NO_TEXT)


def extract_document_text(document):
    """Return (text, status) for a Wagtail document."""
    if (document.file_extension or "").lower() != "pdf":
        return "", STATUS_NOT_PDF
    try:
        with document.open_file() as handle:
            return extract_pdf_text(handle)
    except OSError as exc:
        logger.warning("Document file could not be opened: %s", exc.__class__.__name__)
        return "", STATUS_UNREADABLE
