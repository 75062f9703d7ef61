"""ContentPage ("Trang nội dung"): an ordinary page built from the shared blocks, with
breadcrumbs and the side navigation of its section."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, Site
from wagtail.search import index

from home.blocks import body_blocks
from home.page_parts import HeroImageMixin, hero_panel, plain_intro
from portal.fields import stream_body, switch
from portal.pagecache.memo import remember
from search.index import FOLDED_SEARCH_FIELDS, FoldedSearchMixin

# The page types an ordinary section may hold (Giới thiệu → Lịch sử, Ban Chấp hành, Liên hệ…).
SECTION_PAGE_TYPES = [
    "pages.ContentPage",
    "pages.LeadershipPage",
    "pages.ContactPage",
    "webforms.FormPage",
]


class SectionNavigationMixin:
    """Breadcrumbs and the side navigation of the section a page sits in (the top-level page
    under the site's home), each one query, remembered until the next purge; added to the
    page's template context."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.navigation_context(request))
        return context

    def _site_root(self, request):
        site = Site.find_for_request(request) if request is not None else None
        return site.root_page if site is not None else None

    def breadcrumb_pages(self, request):
        """The live ancestors between the site's home (excluded) and this page (excluded)."""
        root = self._site_root(request)
        if root is None or not self.path.startswith(root.path):
            return []
        return list(
            Page.objects.ancestor_of(self)
            .filter(depth__gt=root.depth)
            .live()
            .only("id", "title", "url_path", "depth")
            .order_by("depth")
        )

    def section_root(self, request):
        root = self._site_root(request)
        if root is None or not self.path.startswith(root.path) or self.depth <= root.depth:
            return None
        if self.depth == root.depth + 1:
            return self
        section_path = self.path[: (root.depth + 1) * Page.steplen]
        return Page.objects.filter(path=section_path).only("id", "title", "url_path").first()

    def section_navigation(self, request):
        """(section page, [(child, [grandchildren])]) for the side navigation: the section's
        live, public pages two levels deep, in the tree's order. Two queries."""
        section = self.section_root(request)
        if section is None:
            return None, []
        pages = list(
            Page.objects.descendant_of(section)
            .filter(depth__lte=section.depth + 2)
            .live()
            .public()
            .only("id", "title", "url_path", "depth", "path")
            .order_by("path")
        )
        tree = []
        for page in pages:
            if page.depth == section.depth + 1:
                tree.append((page, []))
            elif tree and page.path.startswith(tree[-1][0].path):
                tree[-1][1].append(page)
        return section, tree

    def navigation_context(self, request):
        if getattr(request, "is_preview", False):
            return self._navigation(request)
        site = Site.find_for_request(request)
        return remember(
            "section-nav-items",
            self.pk,
            getattr(site, "pk", None),
            compute=lambda: self._navigation(request),
        )

    def _navigation(self, request):
        section, tree = self.section_navigation(request)

        def item(page, children=()):
            return {
                "url": page.get_url(request),
                "text": page.title,
                "active": page.pk == self.pk,
                "children": [item(child) for child in children],
            }

        return {
            "breadcrumb_pages": self.breadcrumb_pages(request),
            "section_page": section,
            # The items of includes/nav_list.html, as the main menu's.
            "section_items": [item(child, grandchildren) for child, grandchildren in tree],
        }


class ContentPage(HeroImageMixin, SectionNavigationMixin, FoldedSearchMixin, Page):
    """An ordinary page: Giới thiệu, Lịch sử, Chức năng nhiệm vụ, Cơ cấu tổ chức…"""

    intro = plain_intro(
        _("1–3 câu tóm tắt trang; dùng làm mô tả khi chia sẻ nếu không có mô tả SEO.")
    )
    body = stream_body(
        body_blocks(), _("Đoạn văn, tiêu đề mục, ảnh, trích dẫn, video, bảng, liên kết văn bản.")
    )
    show_child_list = switch(
        _("Liệt kê các trang con"),
        _("Hiện danh sách các trang con (có đoạn mở đầu) dưới nội dung."),
        default=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        hero_panel(),
        FieldPanel("body"),
        FieldPanel("show_child_list"),
    ]

    search_fields = (
        Page.search_fields
        + [index.SearchField("intro", boost=2), index.SearchField("body")]
        + FOLDED_SEARCH_FIELDS
    )
    folded_body_fields = ("intro", "body")

    parent_page_types = ["home.HomePage", "pages.ContentPage"]
    subpage_types = SECTION_PAGE_TYPES

    class Meta:
        verbose_name = verbose_name_plural = _("Trang nội dung")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.show_child_list:
            context["child_pages"] = self.child_cards()
        return context

    def child_cards(self):
        """The live, public children with their intro, in the tree's order (two queries)."""
        return list(self.get_children().live().public().specific().only("id", "title", "url_path"))
