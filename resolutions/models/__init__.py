"""The document library's models, one module per model family, re-exported here so Django sees
one `resolutions` app:
- `choices`: document types, statuses and relation types;
- `issuing_body`: the organs that issue documents (a snippet and a filter facet);
- `library_page`: the library page that lists and filters every document (`resolutions.library`);
- `congress`: the collections documents belong to (Congress XIII);
- `document` and `document_reading`: the document page, its fields and what a reader sees;
- `attachments`: its attached files and its relations to other documents;
- `document_year`: the years the library's filter offers, stored when documents change.
"""

from .attachments import *  # noqa: F403
from .choices import *  # noqa: F403
from .congress import *  # noqa: F403
from .document import *  # noqa: F403
from .document_year import *  # noqa: F403
from .issuing_body import *  # noqa: F403
from .library_page import *  # noqa: F403
