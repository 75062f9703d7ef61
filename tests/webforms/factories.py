import factory
import wagtail_factories

from webforms.models import FormField, FormPage


class FormPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Đăng ký hội thi {n}")
    slug = factory.Sequence(lambda n: f"dang-ky-hoi-thi-{n}")
    intro = "Đăng ký tham gia hội thi."
    consent_text = "Tôi đồng ý cho ban tổ chức dùng thông tin này trong 90 ngày."
    retention_days = 90
    notify_emails = "bantochuc@example.vn"
    live = True

    class Meta:
        model = FormPage


class FormFieldFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Ô {n}")
    field_type = "singleline"
    required = True
    sort_order = factory.Sequence(int)

    class Meta:
        model = FormField


def three_field_form(parent, **kwargs):
    page = FormPageFactory(parent=parent, **kwargs)
    FormFieldFactory(page=page, label="Họ và tên", sort_order=0)
    FormFieldFactory(page=page, label="Thư điện tử", field_type="email", sort_order=1)
    FormFieldFactory(
        page=page,
        label="Nội dung thi",
        field_type="dropdown",
        choices="Tìm hiểu pháp luật\nVăn nghệ",
        sort_order=2,
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page
