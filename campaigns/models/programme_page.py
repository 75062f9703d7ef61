"""The "Vì phúc lợi đoàn viên" programme page (/vi-phuc-loi-doan-vien/): its introduction, the
directory of partners with filters, and one URL per partner at `doi-tac/<slug>/`."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.db.models.signals import post_delete
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from campaigns.partner_filters import PartnerFilterForm
from campaigns.partner_links import forget_partner_caches
from home.blocks import body_blocks
from home.page_parts import intro_panels, rich_intro
from portal.fields import stream_body
from search.index import FOLDED_SEARCH_FIELDS, FoldedSearchMixin, IntroSnippetMixin

from .partner_locations import PartnerLocation
from .partners import Partner

__all__ = ["PartnerProgramPage"]


class PartnerProgramPage(FoldedSearchMixin, IntroSnippetMixin, RoutablePageMixin, Page):
    """`/vi-phuc-loi-doan-vien/`: the programme's introduction, the directory of partners with
    filters, and one page per partner at `doi-tac/<slug>/`."""

    intro = rich_intro(
        _("Chương trình là gì, ai được hưởng, cách dùng ưu đãi nói chung."), lists=True
    )
    body = stream_body(
        body_blocks(),
        _("Hướng dẫn chi tiết, câu hỏi thường gặp; hiện dưới danh bạ đối tác."),
        _("Nội dung thêm"),
    )
    partners_per_page = models.PositiveSmallIntegerField(
        _("Số đối tác mỗi trang"),
        default=24,
        help_text=_("Số thẻ đối tác trên một trang danh bạ (6–60)."),
    )

    content_panels = intro_panels(
        _(
            "Danh sách đối tác được quản lý ở mục Đối tác phúc lợi (menu bên trái). Danh bạ "
            "chỉ hiện đối tác đã xuất bản, đang hợp tác và còn hiệu lực hôm nay."
        ),
        FieldPanel("body"),
        FieldPanel("partners_per_page"),
    )
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        *FOLDED_SEARCH_FIELDS,
    ]
    folded_body_fields = ("intro", "body")

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = verbose_name_plural = _("Chương trình Vì phúc lợi đoàn viên")

    def clean(self):
        super().clean()
        if not 6 <= (self.partners_per_page or 0) <= 60:
            raise ValidationError({"partners_per_page": _("Chọn một số từ 6 đến 60.")})

    def get_sitemap_urls(self, request=None):
        """The programme page and the page of every published partner (each is canonical and
        indexable), the partner's last publication as its date."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        partners = (
            Partner.objects.public()
            .order_by("name", "pk")
            .values_list("slug", "last_published_at", named=True)
        )
        for partner in partners:
            entry = {
                "location": base + self.reverse_subpage("partner", kwargs={"slug": partner.slug}),
            }
            if partner.last_published_at:
                entry["lastmod"] = partner.last_published_at
            urls.append(entry)
        return urls

    @path("")
    def directory(self, request):
        form = PartnerFilterForm(request.GET)
        partners = form.filter(Partner.objects.public())
        paginator = Paginator(
            partners.for_cards().order_by("name", "pk"), self.partners_per_page or 24
        )
        page_obj = paginator.get_page(request.GET.get("page"))
        base_url = self.get_url(request)
        for partner in page_obj.object_list:
            partner._programme_url = base_url
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "partners": page_obj,
                "filters_active": form.has_filters(),
                "query_without_page": form.query_string(),
            },
        )

    @path("doi-tac/<slug:slug>/", name="partner")
    def partner_detail(self, request, slug):
        partner = (
            Partner.objects.public()
            .select_related("logo")
            .prefetch_related(
                "provinces",
                Prefetch("locations", queryset=PartnerLocation.objects.select_related("province")),
            )
            .filter(slug=slug)
            .first()
        )
        if partner is None:
            raise Http404
        partner._programme_url = self.get_url(request)
        share_url = partner.get_full_url(request)
        return self.render(
            request,
            template="campaigns/partner_page.html",
            context_overrides={
                "partner": partner,
                "share_url": share_url,
                "structured_data": [partner_structured_data(partner, request, share_url)],
            },
        )


def partner_structured_data(partner, request, url):
    """schema.org for a partner's page: a LocalBusiness when it has an address (else an
    Organization) that makes the members' offer (an Offer with its validity)."""
    from portal import structured_data as sd

    locations = list(partner.locations.all())
    first = locations[0] if locations else None
    logo = None
    if partner.logo_id:
        rendition = partner.logo.get_rendition("max-512x512|format-png")
        logo = sd.absolute(request, rendition.url)
    address = None
    if first is not None:
        address = {
            "@type": "PostalAddress",
            "streetAddress": first.address,
            "addressRegion": first.province.name if first.province_id else None,
            "addressCountry": "VN",
        }
    offer = {
        "@type": "Offer",
        "name": partner.discount_label or partner.offer_summary,
        "description": partner.offer_summary,
        "url": url,
        "validFrom": sd.iso(partner.valid_from),
        "validThrough": sd.iso(partner.valid_to),
        "eligibleCustomerType": "Đoàn viên Công đoàn",
        "offeredBy": {"@id": f"{url}#partner"},
    }
    return sd.node(
        "LocalBusiness" if address else "Organization",
        **{"@id": f"{url}#partner"},
        name=partner.name,
        url=partner.website or url,
        logo=logo,
        image=logo,
        telephone=partner.contact_phone or (first.phone if first else None),
        address=address,
        areaServed=[province.name for province in partner.provinces.all()] or "VN",
        makesOffer=offer,
    )


# The programme page's URL is cached for partner links: forget it when that page changes.


def _forget_if_programme(sender, instance=None, **kwargs):
    if isinstance(instance, PartnerProgramPage) or sender is PartnerProgramPage:
        forget_partner_caches()


page_published.connect(
    _forget_if_programme, sender=PartnerProgramPage, dispatch_uid="campaigns_prog_pub"
)
page_unpublished.connect(
    _forget_if_programme, sender=PartnerProgramPage, dispatch_uid="campaigns_prog_unpub"
)
post_delete.connect(
    _forget_if_programme, sender=PartnerProgramPage, dispatch_uid="campaigns_prog_del"
)
# Any move may change the programme page's URL (it or an ancestor moved): moves are rare.
post_page_move.connect(
    lambda **kwargs: forget_partner_caches(), weak=False, dispatch_uid="campaigns_page_move"
)
