"""Demo content of the forms app: a registration form for an online quiz (the union's real
quiz drew about 19,000 registrations), with three fields. Idempotent."""

from home.demo_utils import ensure_child_page

from .models import FormField, FormPage

SLUG = "dang-ky-cuoc-thi-truc-tuyen"


def load(home, stdout=None):
    page, created = ensure_child_page(
        home,
        FormPage,
        SLUG,
        title="Đăng ký dự thi trực tuyến “Tìm hiểu về tổ chức Công đoàn”",
        intro=(
            "Cuộc thi trực tuyến dành cho đoàn viên, người lao động trong khu vực công. Lần tổ "
            "chức trước có khoảng 19.000 lượt đăng ký. Điền ba ô dưới đây để nhận thể lệ và "
            "đường dẫn vào thi. (Biểu mẫu mẫu để trình diễn.)"
        ),
        thank_you_text=(
            "Cảm ơn bạn đã đăng ký. Ban tổ chức sẽ gửi thể lệ và đường dẫn vào thi trước ngày "
            "khai mạc."
        ),
        consent_text=(
            "Tôi đồng ý để Công đoàn Viên chức Việt Nam dùng họ tên, thư điện tử và đơn vị của "
            "tôi để tổ chức cuộc thi, và xóa chúng sau 180 ngày. Tôi có thể yêu cầu xem, sửa hoặc "
            "xóa thông tin qua trang Liên hệ."
        ),
        retention_days=180,
        form_fields=[
            FormField(label="Họ và tên", field_type="singleline", required=True, sort_order=0),
            FormField(label="Thư điện tử", field_type="email", required=True, sort_order=1),
            FormField(
                label="Đơn vị công tác",
                field_type="singleline",
                required=True,
                help_text="Ví dụ: Trường THPT Chu Văn An, Hà Nội.",
                sort_order=2,
            ),
        ],
    )
    from pages.models import ContactPage

    contact = ContactPage.objects.filter(form_page__isnull=True).first()
    if created and contact is not None:
        contact.form_page = page
        contact.save_revision(log_action=False).publish(log_action=False)
    return page
