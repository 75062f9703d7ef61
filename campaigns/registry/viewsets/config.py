"""The registry's settings in the admin: membership targets, privacy notice versions (never
edited in place, never deleted) and the provinces' forwarding addresses."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views import generic
from wagtail.log_actions import log

from ..models import MembershipTarget, PrivacyNotice, ProvinceForwardAddress
from .common import ProvinceColumn, RegistryViewSet


class MembershipTargetViewSet(RegistryViewSet):
    model = MembershipTarget
    icon = "pick"
    menu_label = _("Mục tiêu")
    name = "muc-tieu-doan-vien"
    list_display = ["label", "year", "target", "show_on_home"]
    form_fields = MembershipTarget.FORM_FIELDS


class PrivacyNoticeEditView(generic.EditView):
    """Saving a change makes a new version; the old one stays as proof of what people saw."""

    def save_instance(self) -> PrivacyNotice:
        edited = self.form.save(commit=False)
        stored = PrivacyNotice.objects.get(pk=edited.pk)
        if (stored.title, stored.body) == (edited.title, edited.body):
            return stored
        new_version = PrivacyNotice.objects.create(
            title=edited.title, body=edited.body, created_by=self.request.user
        )
        log(new_version, "wagtail.create", user=self.request.user)
        return new_version

    def get_success_url(self) -> str:
        return reverse(self.index_url_name)


class PrivacyNoticeCreateView(generic.CreateView):
    def save_instance(self) -> PrivacyNotice:
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        log(instance, "wagtail.create", user=self.request.user)
        return instance

    def get_initial_form_instance(self) -> PrivacyNotice:
        current = PrivacyNotice.current()
        if current is None:
            return super().get_initial_form_instance()
        return PrivacyNotice(title=current.title, body=current.body)


class PrivacyNoticeViewSet(RegistryViewSet):
    model = PrivacyNotice
    icon = "doc-full"
    menu_label = _("Thông báo dữ liệu cá nhân")
    name = "thong-bao-du-lieu"
    copy_view_enabled = False
    add_view_class = PrivacyNoticeCreateView
    edit_view_class = PrivacyNoticeEditView
    list_display = ["title", "version", DateColumn("created_at", label=_("Tạo lúc"))]
    form_fields = ["title", "body"]

    # Versions are proof of what people consented to: never deleted (no delete URL or button).
    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_common_view_kwargs(**kwargs), "delete_url_name": None}

    def get_urlpatterns(self) -> list[Any]:
        return [p for p in super().get_urlpatterns() if p.name != "delete"]


class ProvinceForwardAddressViewSet(RegistryViewSet):
    model = ProvinceForwardAddress
    icon = "mail"
    menu_label = _("Địa chỉ chuyển đăng ký")
    name = "dia-chi-chuyen"
    list_display = [ProvinceColumn("province", label=_("Tỉnh, thành phố")), "union_name", "email"]
    form_fields = ["province", "union_name", "email"]
