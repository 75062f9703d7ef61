"""wagtail-factories for the pages app's page types and snippets."""

import factory
import wagtail_factories

from home.factories import page_factory
from pages.models import ContentPage, Leader, LeadershipPage, Term

ContentPageFactory = page_factory(
    ContentPage, "Trang nội dung {n}", "trang-noi-dung-{n}", intro="Một đoạn mở đầu ngắn."
)
LeadershipPageFactory = page_factory(LeadershipPage, "Ban Chấp hành", "ban-chap-hanh-{n}")


class TermFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Khóa {n}")
    start_year = factory.Sequence(lambda n: 1990 + 5 * n)
    end_year = factory.LazyAttribute(lambda term: term.start_year + 5)

    class Meta:
        model = Term


class LeaderFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Trần Thị {n} (dữ liệu mẫu)")
    position = "Ủy viên Ban Chấp hành"
    unit = "Công đoàn Bộ Y tế"
    term = factory.SubFactory(TermFactory)
    body = Leader.Body.EXECUTIVE
    photo = factory.SubFactory(wagtail_factories.ImageFactory)

    class Meta:
        model = Leader
