import factory

from home.factories import page_factory
from legal.models import LegalAnswer, LegalIndexPage, LegalTopicPage

LegalIndexPageFactory = page_factory(LegalIndexPage, "Tư vấn pháp luật", "tu-van-phap-luat")
LegalTopicPageFactory = page_factory(LegalTopicPage, "Chủ đề {n}", "chu-de-{n}")


class LegalAnswerFactory(factory.django.DjangoModelFactory):
    question = factory.Sequence(lambda n: f"Câu hỏi về đóng bảo hiểm xã hội số {n}?")
    answer = "<p>Bạn tra cứu quá trình đóng trên ứng dụng.</p>"
    sort_order = factory.Sequence(int)

    class Meta:
        model = LegalAnswer
