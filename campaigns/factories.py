"""Factories for the campaigns app's page types and the partner snippet (see `home.factories`
for how a page is created and published)."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from home.factories import ImageFactory, page_factory, publish_revision

from .models import (
    CampaignIndexPage,
    CampaignPage,
    Partner,
    PartnerLocation,
    PartnerProgramPage,
    Province,
    SignupPage,
)

__all__ = [
    "CampaignIndexPageFactory",
    "CampaignPageFactory",
    "PartnerFactory",
    "PartnerLocationFactory",
    "PartnerProgramPageFactory",
    "SignupPageFactory",
]


CampaignIndexPageFactory = page_factory(
    CampaignIndexPage, "Chiến dịch", "chien-dich", show_in_menus=True
)
CampaignPageFactory = page_factory(CampaignPage, "Chiến dịch thử {n}", "chien-dich-{n}")
PartnerProgramPageFactory = page_factory(
    PartnerProgramPage,
    "Vì phúc lợi đoàn viên",
    "vi-phuc-loi-doan-vien",
    show_in_menus=True,
    intro="<p>Ưu đãi cho đoàn viên.</p>",
)
SignupPageFactory = page_factory(SignupPage, "Đăng ký đoàn viên", "dang-ky-doan-vien")


class PartnerLocationFactory(DjangoModelFactory):
    """A place of a partner: build it (`.build()`) into `PartnerFactory(locations=[...])`."""

    address = factory.Sequence(lambda n: f"Số {n} đường Thử")
    province = factory.LazyFunction(lambda: Province.objects.order_by("code").first())

    class Meta:
        model = PartnerLocation


def _today():
    return timezone.localdate()


class PartnerFactory(DjangoModelFactory):
    """A partner valid today, with its own logo. `live=False` makes a draft. `provinces` takes
    province codes, `locations` a list of unsaved `PartnerLocation` rows. `publish=True` also
    saves a revision and publishes it, as the admin does (`log_action` as for pages)."""

    name = factory.Sequence(lambda n: f"Đối tác thử {n}")
    offer_summary = factory.LazyAttribute(lambda obj: f"Giảm giá cho đoàn viên ({obj.name}).")
    discount_min = 10
    discount_max = 20
    valid_from = factory.LazyFunction(lambda: _today() - timedelta(days=30))
    valid_to = factory.LazyFunction(lambda: _today() + timedelta(days=365))
    logo = factory.SubFactory(ImageFactory, title=factory.SelfAttribute("..logo_title"))
    live = True

    class Params:
        logo_title = factory.LazyAttribute(lambda obj: f"Logo {obj.name}")

    class Meta:
        model = Partner
        skip_postgeneration_save = True

    @classmethod
    def _create(
        cls, model_class, *args, provinces=(), locations=(), publish=False, log_action=None, **kw
    ):
        partner = model_class(**kw)
        partner.provinces = list(Province.objects.filter(code__in=provinces))
        partner.locations = list(locations)
        partner.save()
        if publish:
            publish_revision(partner, publish=partner.live, log_action=log_action)
        return partner
