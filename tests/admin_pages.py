"""Adding a page through Wagtail's admin form, as an editor does, for the tests of every page
type; reading an edit form as the browser would send it."""

from html.parser import HTMLParser

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data


def publish_in_admin(client, model, parent, fields):
    """POST the admin's "add `model` under `parent`" form with `fields` (nested: streamfield,
    inline_formset...) and the "Xuất bản" button; the admin must redirect (saved: else the form's
    HTML is shown). Returns the page, found by its slug."""
    meta = model._meta
    url = reverse("wagtailadmin_pages:add", args=(meta.app_label, meta.model_name, parent.pk))
    response = client.post(url, nested_form_data({**fields, "action-publish": "publish"}))
    assert response.status_code == 302, response.content.decode()[:3000]
    return model.objects.get(slug=fields["slug"])


class _FormFields(HTMLParser):
    """The fields of the first `<form data-edit-form>`, as a browser would send them unchanged."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.data = []
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "data-edit-form" in a:
            self.inside = True
        if not self.inside or "disabled" in a:
            return
        name = a.get("name")
        if name and "__prefix__" in name:  # a <template>'s field, for a row not added
            return
        kind = a.get("type", "text")
        if tag == "input" and name and kind not in ("submit", "button", "file"):
            if kind not in ("checkbox", "radio"):
                self.data.append((name, a.get("value", "")))
            elif "checked" in a:
                self.data.append((name, a.get("value", "on")))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in a:
            self.data.append((self.select, a.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.data.append(tuple(self.textarea))
            self.textarea = None


def edit_form_data(client, url):
    """What the admin's edit form at `url` sends if nothing is changed: a dict of lists, for
    `client.post(url, data)` after changing some of it."""
    parser = _FormFields()
    parser.feed(client.get(url).content.decode())
    data = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    return data
