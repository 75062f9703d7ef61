"""The library's filter form: plain GET, so every filter lives in the URL and works without
JavaScript. Choices come from three small queries (issuing bodies, collections, and the years
stored when documents change)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.pagecache.memo import remember
from portal.pagecache.privacy import private_q as remembered_private_q

from .models.choices import DOCUMENT_TYPES, DocumentStatus
from .models.congress import CongressPage
from .models.document_year import DocumentYear
from .models.issuing_body import IssuingBody

FACETS = ("loai", "co_quan", "nam", "tinh_trang", "bo_suu_tap")

SORT_CHOICES = [
    ("", _("Mặc định (khớp nhất, rồi mới ban hành)")),
    ("ngay-ban-hanh", _("Ngày ban hành, mới nhất trước")),
    ("ngay-hieu-luc", _("Ngày hiệu lực, mới nhất trước")),
]


def filter_by_slug(label, queryset, all_label, unknown_message):
    """An optional filter choosing one row of `queryset` by its slug (the address keeps slugs);
    `all_label` names the empty choice, `unknown_message` answers a slug not in the list."""
    return forms.ModelChoiceField(
        label=label,
        required=False,
        queryset=queryset,
        to_field_name="slug",
        empty_label=all_label,
        error_messages={"invalid_choice": unknown_message},
    )


class DocumentFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm trong thư viện"),
        required=False,
        max_length=200,
        help_text=_(
            "Số hiệu (02-NQ/TW, nq 02), tên hoặc từ khóa; gõ có dấu hay không dấu đều được."
        ),
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Ví dụ: 02-NQ/TW")}),
    )
    loai = forms.ChoiceField(
        label=_("Loại văn bản"),
        required=False,
        choices=[("", _("Tất cả loại"))] + DOCUMENT_TYPES,
    )
    co_quan = filter_by_slug(
        _("Cơ quan ban hành"),
        IssuingBody.objects.all(),
        _("Tất cả cơ quan"),
        _("Cơ quan ban hành này không có trong danh sách."),
    )
    nam = forms.TypedChoiceField(
        label=_("Năm ban hành"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Không có văn bản nào ban hành năm này.")},
    )
    tinh_trang = forms.ChoiceField(
        label=_("Tình trạng"),
        required=False,
        choices=[("", _("Mọi tình trạng"))] + list(DocumentStatus.choices),
    )
    bo_suu_tap = filter_by_slug(
        _("Bộ sưu tập"),
        CongressPage.objects.none(),
        _("Tất cả"),
        _("Bộ sưu tập này không có trong danh sách."),
    )
    sap_xep = forms.ChoiceField(label=_("Sắp xếp"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, root_path="", private_q=None, **kwargs):
        """`root_path`: the site root's path, whose live, public documents' years the year
        filter offers (stored when documents change: resolutions.models.document_year).
        `year_counts`: {year: number of those documents}, newest first, from the same rows."""
        super().__init__(*args, **kwargs)
        self.year_counts = dict(
            remember(
                "library-year-counts",
                root_path,
                compute=lambda: list(
                    DocumentYear.objects.filter(root_path=root_path)
                    .order_by("-year")
                    .values_list("year", "documents")
                ),
            )
        )
        self.fields["nam"].choices = [("", _("Mọi năm"))] + [(y, str(y)) for y in self.year_counts]
        if private_q is None:
            private_q = remembered_private_q()
        collections = CongressPage.objects.live().exclude(private_q)
        self.fields["bo_suu_tap"].queryset = collections.only("id", "title", "slug", "short_name")
        for name in ("loai", "tinh_trang"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "Giá trị lọc không hợp lệ; bộ lọc này đã được bỏ qua."
            )

    def valid_values(self):
        """Cleaned values of the fields that validated; a bad value drops only its own filter."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned.get(name) for name in self.fields if name not in self.errors}

    def active_facets(self):
        values = self.valid_values()
        return [name for name in FACETS if values.get(name) not in (None, "")]
