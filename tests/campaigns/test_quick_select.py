"""The registry list's filters write their `<select>` in Python (QuickSelect): the markup must be
the one Django's templates write (as HTML: attribute order and blank lines aside), for every
filter and every value a clerk can pick."""

import pytest
from django import forms
from django.test.html import parse_html

from campaigns.registry.viewsets.signups import MemberSignupFilterSet

from .registry_helpers import make_notice, register_lan_and_binh

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["status", "province", "source_page", "has_pending_changes"])
def test_quick_select_writes_djangos_markup(name, home_page):
    register_lan_and_binh(home_page, make_notice())  # a page with sign-ups: a source to pick
    widget = MemberSignupFilterSet().form.fields[name].widget
    choices = list(widget.choices)
    assert len(choices) > 1
    django_select = forms.Select(choices=choices)
    values = [None, "", "<b>&", *[value for value, _label in choices]]
    for value in values:
        attrs = {"id": f"id_{name}", "data-x": '"quoted"'}
        ours = widget.render(name, value, attrs)
        assert parse_html(ours) == parse_html(django_select.render(name, value, attrs))
        assert ours.count(" selected") <= 1
