"""The admin's list of a form's submissions: only for staff with the permission (see
wagtail_hooks.py), exported safely: cells that a spreadsheet would run as a formula are escaped,
times are local (Asia/Ho_Chi_Minh), the CSV starts with a byte-order mark for Excel, and only
staff with `webforms.export_formentry` may export."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.contrib.forms.views import SubmissionsListView

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value):
    """A cell starting with = + - @ (or a tab/CR) gets an apostrophe: shown as text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeSubmissionsListView(SubmissionsListView):
    def dispatch(self, request, *args, **kwargs):
        if self.is_export and not request.user.has_perm("webforms.export_formentry"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def show_export_buttons(self):
        return self.request.user.has_perm("webforms.export_formentry")

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        if "submit_time" in row and row["submit_time"] is not None:
            # Local time, without a zone, as people read it (XLSX cannot hold an aware time).
            row["submit_time"] = timezone.localtime(row["submit_time"]).replace(tzinfo=None)
        return row

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        return escape_cell(super().preprocess_field_value(field, value, export_format))

    def stream_csv(self, queryset):
        yield "\ufeff"  # byte-order mark: Excel then reads the file as UTF-8
        yield from super().stream_csv(queryset)
