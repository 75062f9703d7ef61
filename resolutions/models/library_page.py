"""`/van-ban/`, the library page. Its listing, filters and number search live in
`resolutions.library`."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.page_parts import intro_panels, rich_intro
from resolutions.library import library_context

__all__ = ["DocumentLibraryPage"]


class DocumentLibraryPage(Page):
    """`/van-ban/`: every official document, newest first, with filters and an exact-number
    search. The listing itself lives in resolutions.library."""

    intro = rich_intro(_("Một đoạn ngắn phía trên bộ lọc: thư viện gồm những văn bản nào."))

    content_panels = intro_panels(
        _(
            "Danh sách văn bản, bộ lọc và ô tìm kiếm được tạo tự động từ các trang văn bản "
            "của trang web. Thêm văn bản mới bằng cách tạo trang con “Văn bản”."
        ),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resolutions.ResolutionPage", "resolutions.CongressPage"]
    max_count = 1

    class Meta:
        verbose_name = verbose_name_plural = _("Thư viện văn bản")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(self, request))
        return context
