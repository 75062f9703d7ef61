"""What the registry's admin views share: their base viewset, the permission check, Vietnamese
values, and table columns that render their cell in Python.

Wagtail renders every table cell through its own template (about 0.2 ms each); the registry list
shows 20 rows of 8 columns on every request, so its plain cells are written here with
`format_html`, with the same markup as `wagtailadmin/tables/cell.html`."""

import datetime
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from campaigns.provinces import province_name


class RegistryViewSet(ModelViewSet):
    """Base of the registry's admin viewsets: its rows (personal data and its settings) are kept
    out of Wagtail's reference index."""

    add_to_reference_index = False


def perm(user: Any, action: str) -> bool:
    """Whether the user holds `registry.<action>_membersignup` (Django caches a user's
    permissions on the user object, so repeated checks in one request cost no query)."""
    return bool(user.has_perm(f"registry.{action}_membersignup"))


def inspect_url(pk: int) -> str:
    return reverse("registry_membersignup:inspect", args=[pk])


def local_time(value: datetime.datetime | None) -> str:
    """dd/mm/yyyy HH:MM in Vietnam's time zone ("" for nothing)."""
    if not value:
        return ""
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")


def display_value(value: Any) -> Any:
    """A value as the clerk reads it: Có/Không, dd/mm/yyyy, Vietnam time, "–" for nothing."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, datetime.datetime):
        return local_time(value)
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return value


class PlainColumn(Column):
    """A column whose cell is written in Python, not through a template."""

    def render_cell_html(self, instance: Any, parent_context: Any) -> SafeString:
        value = self.get_value(instance)
        if value is None or not str(value).strip():
            value = self.empty_value_display
        if self.classname:
            return format_html('<td class="{}">{}</td>', self.classname, value)
        return format_html("<td>{}</td>", value)


class ProvinceColumn(PlainColumn):
    def get_value(self, instance: Any) -> str:
        return province_name(instance.province)


class LocalTimeColumn(PlainColumn):
    """A date and time in Vietnam's time zone, as dd/mm/yyyy HH:MM."""

    def get_value(self, instance: Any) -> str:
        return local_time(super().get_value(instance))


class QuickSelect(forms.Select):
    """A `<select>` written in Python with the markup of Django's select templates: Django renders
    every option through a template (the 34 provinces of the list's filter took ~1.5 ms of each
    list request), and even its option dictionaries cost more than the markup. Plain options only
    (no groups, one value); tests/campaigns/test_quick_select.py compares it with Django's."""

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> SafeString:
        chosen = self.format_value(value)[:1]
        options = []
        for option_value, label in self.choices:
            option_value = str(option_value)
            selected = ""
            if option_value in chosen:
                selected, chosen = " selected", []  # the first match only, as Django does
            options.append(
                f'\n  <option value="{escape(option_value)}"{selected}>{escape(label)}</option>'
            )
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            SafeString("".join(options)),
        )
