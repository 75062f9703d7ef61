"""The detail view of one entry (its submissions as typed, consents, status history, hand-offs)
and the actions on it: a status change, accepting or ignoring a later submission, recording a
withdrawn consent."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views import generic
from wagtail.log_actions import log

from search.text import squash

from ..forms import TYPED_FIELDS
from ..labels import CHECKBOXES, field_label
from ..models import ConsentRecord, MemberSignup, SignupSubmission
from ..service import change_status, review_submission
from .common import display_value, inspect_url, perm


def typed_rows(data: dict[str, Any] | None) -> list[tuple[str, Any]]:
    """(label, value) of what was typed, in the form's order; ticked boxes read "Có"."""
    from campaigns.provinces import province_choices

    rows = []
    choices: dict[str, dict[str, Any]] = {
        "sex": dict(MemberSignup.Sex.choices),
        "province": dict(province_choices()),
        "nationality": {"VN": _("Việt Nam"), "other": _("Quốc tịch khác")},
    }
    for name in TYPED_FIELDS:
        value = (data or {}).get(name)
        if name in CHECKBOXES:
            value = _("Có") if value else _("Không")
        elif name in choices and value:
            value = choices[name].get(value, value)
        if value:
            rows.append((field_label(name), value))
    return rows


class MemberSignupInspectView(generic.InspectView):
    template_name = "registry/admin/membersignup_inspect.html"

    def get_object(self, queryset: Any = None) -> MemberSignup:
        return get_object_or_404(MemberSignup.objects.select_related("source_page"), pk=self.pk)

    def get_fields(self) -> list[str]:
        return [
            *MemberSignup.PERSONAL_FIELDS,
            "status",
            "source_page",
            "created_at",
            "forwarded_at",
            "erased_at",
        ]

    def get_phone_display_value(self) -> str:
        return self.object.phone_display or "–"

    def get_source_page_display_value(self) -> str:
        return self.object.source_title or "–"

    def get_field_display_value(self, field_name: str, field: Any) -> Any:
        """Vietnamese words and Vietnam time, never a raw Python value."""
        if getattr(self, f"get_{field_name}_display_value", None) is not None:
            return super().get_field_display_value(field_name, field)
        if field is not None and field.choices:
            return getattr(self.object, f"get_{field_name}_display")() or "–"
        return display_value(getattr(self.object, field_name))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        signup = self.object
        user = self.request.user
        submissions = list(
            signup.submissions.select_related("source_page", "notice", "reviewed_by")
        )
        for submission in submissions:
            submission.typed_rows = typed_rows(submission.data)
        forwardings = list(signup.forwardings.all())
        for forwarding in forwardings:
            forwarding.fields_label = ", ".join(
                field_label(name) for name in forwarding.fields_sent or []
            )
        context.update(
            {
                "signup": signup,
                "submissions": submissions,
                "consents": signup.consents.select_related("notice", "source_page"),
                "status_changes": signup.status_changes.select_related("changed_by"),
                "forwardings": forwardings,
                "can_change": perm(user, "change") and not signup.is_erased,
                "can_erase": perm(user, "delete") and not signup.is_erased,
                "next_statuses": signup.allowed_next_statuses(),
                "status_url": reverse("registry_membersignup:status", args=[signup.pk]),
                "review_url": reverse("registry_membersignup:review", args=[signup.pk]),
                "withdraw_url": reverse("registry_membersignup:withdraw", args=[signup.pk]),
            }
        )
        return context


@require_POST
def status_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not perm(request.user, "change"):
        raise PermissionDenied
    signup = get_object_or_404(MemberSignup, pk=pk, erased_at__isnull=True)
    new_status = request.POST.get("status", "")
    note = squash(request.POST.get("note", ""))[:200]
    if change_status(signup, new_status, user=request.user, note=note):
        messages.success(
            request,
            _("Đã chuyển trạng thái sang «%(status)s».")
            % {"status": MemberSignup.Status(new_status).label},
        )
    else:
        messages.error(request, _("Không thể chuyển sang trạng thái đó từ trạng thái hiện tại."))
    return redirect(inspect_url(pk))


@require_POST
def review_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not perm(request.user, "change"):
        raise PermissionDenied
    submission = get_object_or_404(SignupSubmission, pk=request.POST.get("submission"), signup=pk)
    accept = request.POST.get("decision") == "accept"
    if review_submission(submission, accept=accept, user=request.user):
        log(
            submission.signup,
            "campaigns.registry.review",
            user=request.user,
            data={"submission": submission.pk, "accepted": accept},
        )
        messages.success(request, _("Đã áp dụng thay đổi.") if accept else _("Đã bỏ qua thay đổi."))
    return redirect(inspect_url(pk))


@require_POST
def withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Record that the person withdrew one consent (e.g. news), with who recorded it and when."""
    if not perm(request.user, "change"):
        raise PermissionDenied
    consent = get_object_or_404(
        ConsentRecord, pk=request.POST.get("consent"), signup=pk, withdrawn_at__isnull=True
    )
    consent.withdrawn_at = timezone.now()
    consent.withdrawn_by = request.user  # type: ignore[assignment]  # staff only
    consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
    log(
        consent.signup,
        "campaigns.registry.consent_withdrawn",
        user=request.user,
        data={"purpose": consent.purpose},
    )
    messages.success(request, _("Đã ghi nhận việc rút lại sự đồng ý."))
    return redirect(inspect_url(pk))
