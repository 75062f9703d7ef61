import factory

from home.factories import EditorPageFactory
from legal.models import LegalAnswer, LegalIndexPage, LegalTopicPage


class LegalIndexPageFactory(EditorPageFactory):
    title = "Tư vấn pháp luật"
    slug = "tu-van-phap-luat"

    class Meta:
        model = LegalIndexPage


class LegalTopicPageFactory(EditorPageFactory):
    title = factory.Sequence(lambda n: f"Chủ đề {n}")
    slug = factory.Sequence(lambda n: f"chu-de-{n}")

    class Meta:
        model = LegalTopicPage


class LegalAnswerFactory(factory.django.DjangoModelFactory):
    question = factory.Sequence(lambda n: f"Câu hỏi về đóng bảo hiểm xã hội số {n}?")
    answer = "<p>Bạn tra cứu quá trình đóng trên ứng dụng.</p>"
    sort_order = factory.Sequence(int)

    class Meta:
        model = LegalAnswer
