"""Legal Q&A ("Tư vấn pháp luật"): members ask through a form (their questions and contact
details are private, for staff with the permission); staff publish the question and the answer,
reworded without personal data, on topic pages."""

from .pages import LegalAnswer, LegalIndexPage, LegalTopicPage
from .question import LegalQuestion

__all__ = ["LegalAnswer", "LegalIndexPage", "LegalQuestion", "LegalTopicPage"]
