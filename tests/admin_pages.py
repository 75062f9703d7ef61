"""Adding a page through Wagtail's admin form, as an editor does, for the tests of every page
type."""

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
