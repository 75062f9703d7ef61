"""wagtail-factories for the pages app's page types and snippets."""

import factory
import wagtail_factories

from pages.models import ContentPage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Trang nội dung {n}")
    slug = factory.Sequence(lambda n: f"trang-noi-dung-{n}")
    intro = "Một đoạn mở đầu ngắn."
    live = True

    class Meta:
        model = ContentPage
