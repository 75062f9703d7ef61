"""Forms editors build themselves (Wagtail's form builder): contest and quiz registrations,
surveys, event sign-ups, with the protections of the member sign-up."""

from .form_page import FormField, FormPage
from .submission import FormEntry

__all__ = ["FormEntry", "FormField", "FormPage"]
