"""The partner directory's filters: a GET form whose values live in the URL (shareable, works
without JavaScript). Parameter names are short Vietnamese words: `q`, `linh-vuc`, `tinh`,
`pham-vi`, `het-han`."""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from campaigns.models.partner_choices import Scope, Sector
from campaigns.provinces import province_choices
from search.text import searchable_query

FIELD_NAMES = ("q", "linh-vuc", "tinh", "pham-vi", "het-han")


class PartnerFilterForm(forms.Form):
    """Unbound-safe: invalid values are reported and ignored, valid ones still filter."""

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else {}, **kwargs)
        self.fields["q"] = forms.CharField(
            label=_("Tìm đối tác, ưu đãi"),
            required=False,
            max_length=100,
            widget=forms.TextInput(
                attrs={"type": "search", "placeholder": _("Ví dụ: siêu thị, nha khoa, ha noi")}
            ),
            error_messages={"max_length": _("Từ khóa tối đa 100 ký tự.")},
        )
        self.fields["linh-vuc"] = forms.ChoiceField(
            label=_("Lĩnh vực"),
            required=False,
            choices=[("", _("Tất cả lĩnh vực")), *Sector.choices],
            error_messages={"invalid_choice": _("Lĩnh vực không có trong danh sách.")},
        )
        self.fields["tinh"] = forms.ChoiceField(
            label=_("Tỉnh/thành phố"),
            required=False,
            choices=province_choices(blank_label=_("Cả nước")),
            error_messages={
                "invalid_choice": _("Tỉnh/thành phố không có trong danh sách 34 tỉnh, thành phố.")
            },
        )
        self.fields["pham-vi"] = forms.ChoiceField(
            label=_("Phạm vi áp dụng"),
            required=False,
            choices=[("", _("Mọi phạm vi")), *Scope.choices],
            error_messages={"invalid_choice": _("Phạm vi không có trong danh sách.")},
        )
        self.fields["het-han"] = forms.BooleanField(
            label=_("Hiện cả đối tác đã hết hạn"),
            required=False,
            widget=forms.CheckboxInput(attrs={"value": "1"}),
        )
        self.is_valid()  # fills cleaned_data with the fields that are valid

    def value(self, name):
        return (getattr(self, "cleaned_data", None) or {}).get(name) or ""

    @property
    def include_expired(self):
        return bool(self.value("het-han"))

    def has_filters(self):
        return bool(self.query()) or any(self.value(name) for name in FIELD_NAMES if name != "q")

    def query(self):
        """The search words; only punctuation ("!!!") is no query, as on the site search."""
        return searchable_query(self.value("q") or "")

    def filter(self, queryset):
        query = self.query()
        if query:
            queryset = queryset.matching(query)
        if self.value("linh-vuc"):
            queryset = queryset.filter(sector=self.value("linh-vuc"))
        if self.value("pham-vi"):
            queryset = queryset.filter(scope=self.value("pham-vi"))
        if self.value("tinh"):
            queryset = queryset.serving_province(self.value("tinh"))
        if not self.include_expired:
            queryset = queryset.valid_on()
        return queryset

    def query_string(self):
        """The active filters as a query string, for pagination links."""
        params = []
        for name in FIELD_NAMES:
            value = self.value(name)
            if value is True:
                value = "1"
            if value:
                params.append((name, value))
        return urlencode(params)
