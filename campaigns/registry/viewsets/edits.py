"""Changing entries: staff correction (the public form's normalisation), erasure instead of
deletion, and the bulk status change."""

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.bulk_action import BulkAction

from ..forms import NormalisedPersonMixin
from ..models import MemberSignup
from ..service import change_status, erase_signup
from .common import inspect_url, perm


class MemberSignupAdminForm(NormalisedPersonMixin, WagtailAdminModelForm):
    """Staff corrections: the same normalisation as the public form, and one entry per number."""

    def clean_phone(self) -> str:
        phone = super().clean_phone()
        clash = MemberSignup.objects.filter(phone=phone).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Số điện thoại này đã thuộc một đăng ký khác."))
        return phone


class MemberSignupEditView(generic.EditView):
    def _refuse_erased(self) -> HttpResponse | None:
        if self.get_object().is_erased:
            messages.error(self.request, _("Đăng ký này đã bị xoá dữ liệu, không thể sửa."))
            return redirect(inspect_url(self.kwargs["pk"]))
        return None

    def get(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        return self._refuse_erased() or super().get(request, *args, **kwargs)

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        return self._refuse_erased() or super().post(request, *args, **kwargs)

    def get_success_url(self) -> str:
        return inspect_url(self.object.pk)


class MemberSignupEraseView(generic.DeleteView):
    """Erasure instead of deletion: personal data removed, the row kept (anonymous) for counts."""

    page_title = _("Xoá dữ liệu cá nhân")
    success_message = _("Đã xoá dữ liệu cá nhân của %(object)s.")

    def get_usage_url(self) -> None:
        return None

    @property
    def confirmation_message(self) -> Any:
        return _(
            "Xoá toàn bộ dữ liệu cá nhân của đăng ký này (họ tên, ngày sinh, số điện thoại, nơi "
            "làm việc và nội dung các lần gửi)? Việc này không hoàn tác được. Dòng đăng ký vẫn "
            "được giữ ẩn danh để thống kê."
        )

    def delete_action(self) -> None:
        erase_signup(self.object, user=self.request.user, reason="staff")

    def get_success_url(self) -> str:
        return inspect_url(self.object.pk)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Trạng thái mới"), choices=MemberSignup.Status.choices)


class ChangeStatusBulkAction(BulkAction):
    display_name = _("Đổi trạng thái")
    action_type = "change_status"
    aria_label = _("Đổi trạng thái các đăng ký đã chọn")
    template_name = "registry/admin/bulk_change_status.html"
    form_class = StatusForm
    models = [MemberSignup]
    action_priority = 10

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        if not perm(request.user, "change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_all_objects_in_listing_query(self, parent_id: Any) -> Any:
        # "Select all" would ignore the list's filters: only explicit selections are allowed.
        return MemberSignup.objects.none().values_list("pk", flat=True)

    def check_perm(self, obj: MemberSignup) -> bool:
        return not obj.is_erased

    def get_execution_context(self) -> dict[str, Any]:
        return {"status": self.cleaned_form.cleaned_data["status"], "user": self.request.user}

    @classmethod
    def execute_action(
        cls, objects: list[MemberSignup], status: str = "", user: Any = None, **kwargs: Any
    ) -> tuple[int, int]:
        moved = sum(1 for obj in objects if change_status(obj, status, user=user))
        return moved, len(objects) - moved

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        message = ngettext(
            "Đã đổi trạng thái %(count)d đăng ký.",
            "Đã đổi trạng thái %(count)d đăng ký.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
        if num_child_objects:
            message += " " + _(
                "%(count)d đăng ký không thể chuyển sang trạng thái đó nên được giữ nguyên."
            ) % {"count": num_child_objects}
        return message
